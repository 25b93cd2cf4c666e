// Reads calendar feeds with ical.js (what many web calendars embed) and checks that each meeting's DTSTART, resolved
// with the feed's own VTIMEZONE, is the instant the API scheduled it for (issue 14 follow-up, case 1).
// usage: node check-vtimezones.mjs <dir>   (dir holds the .ics files and expected.txt: "<file> <uid> <instant> <zone>" lines)
import ICAL from 'ical.js';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean).map(l => l.split(' '));
const byFile = new Map();
for (const [file, uid, instant, zone] of expected) {
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push({ uid, instant, zone });
}
const failures = [];
let checked = 0;
for (const [file, meetings] of byFile) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  const zones = new Map();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    zones.set(vtimezone.getFirstPropertyValue('tzid'), new ICAL.Timezone(vtimezone));
  }
  const events = new Map(calendar.getAllSubcomponents('vevent').map(e => [e.getFirstPropertyValue('uid'), e]));
  for (const { uid, instant, zone } of meetings) {
    const event = events.get(uid);
    if (!event) { failures.push(`${zone} ${file}: no VEVENT ${uid}`); continue; }
    const start = event.getFirstProperty('dtstart');
    const time = start.getFirstValue();
    const tzid = start.getParameter('tzid');
    if (tzid) {
      if (!zones.has(tzid)) { failures.push(`${zone}: no VTIMEZONE ${tzid}`); continue; }
      time.zone = zones.get(tzid);
    }
    const read = time.toJSDate().toISOString().replace('.000Z', 'Z');
    const want = new Date(instant).toISOString().replace('.000Z', 'Z');
    checked++;
    if (read !== want) failures.push(`${zone}: ${time.toString()} read as ${read}, scheduled for ${want}`);
  }
}
console.log(`ical.js ${ICAL.version ?? ''}: ${checked} meeting starts checked in ${byFile.size} feeds, ${failures.length} wrong`);
for (const failure of failures.slice(0, 200)) console.log('  ' + failure);
process.exit(failures.length ? 1 : 0);
