// A real SMTP server for the tests, on loopback only (the smtp-server package from npm).
// Every accepted message is written as an .eml file to --dir, so a test reads exactly what a
// mail client would receive. The test fixture (SmtpTestServer.cs) starts and stops it.
//
//   node server.mjs --dir DIR [--port 0] [--reject PATTERN] [--delay MS]
//
//   --port     0 picks a free port; the chosen port is printed as "listening PORT".
//   --reject   recipients matching this regular expression are refused with 550 (a permanent
//              failure), so tests can see how the app handles a 5xx.
//   --delay    wait MS after storing each message before answering 250: a slow server, so a
//              test can kill the app while a batch is being sent, in the window where a message
//              has arrived but the app has not yet heard so (the one a crash may send twice).
// Each new connection prints "connection N", so tests can count connections per batch; each closed
// one "closed N"; and each stored message "message N" once its file is in place, so a benchmark can
// wait for messages without listing the folder over and over while it times them.
import { SMTPServer } from "smtp-server";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) =>
        arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));

if (!args.dir) {
    console.error("usage: node server.mjs --dir DIR [--port 0] [--reject PATTERN] [--delay MS]");
    process.exit(2);
}

mkdirSync(args.dir, { recursive: true });
const reject = args.reject ? new RegExp(args.reject, "i") : null;
const delay = Number(args.delay ?? 0);
let connections = 0;
let closed = 0;
let messages = 0;

const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 50 * 1024 * 1024,
    onConnect(session, callback) {
        connections += 1;
        console.log(`connection ${connections}`);
        callback();
    },
    onClose() {
        closed += 1;
        console.log(`closed ${closed}`);
    },
    onRcptTo(address, session, callback) {
        if (reject && reject.test(address.address)) {
            const error = new Error(`Mailbox ${address.address} unavailable`);
            error.responseCode = 550;
            return callback(error);
        }
        callback();
    },
    onData(stream, session, callback) {
        const chunks = [];
        stream.on("data", chunk => chunks.push(chunk));
        stream.on("end", () => {
            if (stream.sizeExceeded) {
                const error = new Error("Message too large");
                error.responseCode = 552;
                return callback(error);
            }
            messages += 1;
            const name = `${String(messages).padStart(6, "0")}-${Date.now()}.eml`;
            // Write then rename, so a reader never sees half a message.
            const temporary = join(args.dir, `.${name}.tmp`);
            writeFileSync(temporary, Buffer.concat(chunks));
            renameSync(temporary, join(args.dir, name));
            console.log(`message ${messages}`);
            setTimeout(() => callback(null, `queued as ${name}`), delay);
        });
    },
});

server.on("error", error => console.error(`smtp error: ${error.message}`));
server.listen(Number(args.port ?? 0), "127.0.0.1", () => {
    console.log(`listening ${server.server.address().port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The fixture closes our stdin when it goes away, so a crashed test run leaves no server behind.
process.stdin.on("end", stop);
process.stdin.resume();
