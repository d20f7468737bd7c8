"""An app's outcome endpoint verifying with the Standard Webhooks reference library for Python.

    python3 receiver.py <whsec_secret>

Listens on a free loopback port, prints `listening <url>`, then one JSON line per request:
{"ok": true, "id": ..., "type": ..., "userId": ..., "status": ...} or {"ok": false, "error": ...}.
"""

import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from standardwebhooks import Webhook, WebhookVerificationError

verifier = Webhook(sys.argv[1])


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            payload = verifier.verify(body, dict(self.headers.items()))
            line = {"ok": True, "id": self.headers["webhook-id"], "type": payload["type"],
                    "userId": payload["data"]["userId"], "status": payload["data"]["status"]}
            status = 204
        except WebhookVerificationError as error:
            line, status = {"ok": False, "error": str(error)}, 400
        print(json.dumps(line), flush=True)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Receiver)
print(f"listening http://127.0.0.1:{server.server_address[1]}/webhooks", flush=True)
server.serve_forever()
