"""The embedded broker: kombu's filesystem transport without the race that stops its worker.

Upstream (celery/kombu issue 1551, open) a producer creates the message file in the queue folder
and writes into it afterwards; a worker listing the folder in between reads an empty or
half-written file, and the JSONDecodeError is an unrecoverable error that stops the worker.
Here a message is written in a staging folder beside the queue and renamed into it (a rename is
atomic, so a reader sees the whole file or nothing), and the reader leaves alone a file it cannot
decode: a writer of the old kind may still be filling it. Once such a file is older than
`STALE_AFTER` it will never be completed; it is moved to the broken folder and logged.
`install()`, called by config/celery.py in every process that loads the project, makes
`filesystem://` (the default CELERY_BROKER_URL) mean this transport.
"""

import logging
import os
import time
import uuid

from kombu import transport
from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import bytes_to_str, str_to_bytes
from kombu.utils.json import dumps, loads

logger = logging.getLogger(__name__)

STALE_AFTER = 60  # seconds: no writer takes this long between creating a message file and closing it


class Channel(filesystem.Channel):
    def __init__(self, *args, **kwargs):
        self._backlogs = {}  # queue -> names listed but not yet taken, next one last
        super().__init__(*args, **kwargs)

    def _put(self, queue, payload, **kwargs):
        name = f"{int(round(time.monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"
        staged = os.path.join(self._folder("staging_folder"), name)
        try:
            with open(staged, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(staged, os.path.join(self.data_folder_out, name))
        except OSError as exc:
            raise ChannelError(f"Cannot add file {name!r} to the queue") from exc

    def _get(self, queue):
        # One sorted listing serves the messages it names (listing a long queue per message is slow).
        backlog = self._backlogs.setdefault(queue, [])
        if not backlog:
            wanted = f"{queue}.msg"
            backlog.extend(sorted((n for n in os.listdir(self.data_folder_in) if n.partition(".")[2] == wanted),
                                  reverse=True))
        while backlog:
            name = backlog.pop()
            path = os.path.join(self.data_folder_in, name)
            try:
                with open(path, "rb") as file:
                    payload = loads(bytes_to_str(file.read()))
            except FileNotFoundError:
                continue  # another consumer took it
            except ValueError:  # empty, half-written or not JSON: skip it, set it aside once stale
                self._set_aside_if_stale(path, name)
                continue
            try:  # the claim: only one consumer can remove or move the file
                if self.store_processed:
                    os.replace(path, os.path.join(self.processed_folder, name))
                else:
                    os.remove(path)
            except FileNotFoundError:
                continue
            return payload
        raise filesystem.Empty()

    def _set_aside_if_stale(self, path, name):
        try:
            if time.time() - os.stat(path).st_mtime < STALE_AFTER:
                return
            os.replace(path, os.path.join(self._folder("broken_folder"), name))
        except FileNotFoundError:
            return
        logger.error("broker: unreadable message file %s moved to %s", name, self._folder("broken_folder"))

    def _folder(self, option):
        """Staging and broken folders sit beside the queue folder unless the options name them."""
        default = os.path.join(os.path.dirname(os.path.abspath(self.data_folder_out)), option.split("_")[0])
        folder = self.transport_options.get(option) or default
        os.makedirs(folder, exist_ok=True)
        return folder


class Transport(filesystem.Transport):
    Channel = Channel


def install():
    """Point kombu's `filesystem` alias here (a broker URL given at run time still decides the transport)."""
    transport.TRANSPORT_ALIASES["filesystem"] = f"{__name__}:Transport"
    transport._transport_cache.pop("filesystem", None)
