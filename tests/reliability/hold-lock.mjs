// A second process that takes the database's write lock (BEGIN IMMEDIATE), prints "locked",
// holds it for the given milliseconds and rolls back: it writes nothing itself.
// Usage: node tests/reliability/hold-lock.mjs <db file> <ms>
import Database from 'libsql';

const [file, ms] = process.argv.slice(2);
const db = new Database(file);
db.exec('BEGIN IMMEDIATE');
console.log('locked');
setTimeout(() => {
	db.exec('ROLLBACK');
	db.close();
	console.log('released');
}, Number(ms));
