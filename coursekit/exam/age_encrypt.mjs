// Encrypt with a passphrase in the age format, with a fixed scrypt work factor, through age-encryption (typage).
//
// Why not pyrage for this step: rage picks the work factor by timing this machine (2^17..2^20 here) and refuses
// to decrypt a file whose factor is 16x above what it measures at that moment, so a bank sealed on an idle machine
// failed to open on a busy one, and browsers refuse anything above 2^20. A fixed factor opens everywhere.
//
// Input on stdin (never argv or the environment, which other processes can read): JSON
//   {"module": "<absolute path of age-encryption/dist/index.js>", "passphrase": "...", "logN": 18,
//    "plaintext": "<base64>"}
// Output on stdout: the age file's bytes.
import { pathToFileURL } from "node:url";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const age = await import(pathToFileURL(request.module).href);
const encrypter = new age.Encrypter();
encrypter.setPassphrase(request.passphrase);
encrypter.setScryptWorkFactor(request.logN);
const sealed = await encrypter.encrypt(Buffer.from(request.plaintext, "base64"));
process.stdout.write(Buffer.from(sealed));
