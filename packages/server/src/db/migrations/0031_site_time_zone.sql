-- The IANA time zone of each site (e.g. Asia/Shanghai, Europe/Berlin). Times printed for people
-- at a site are in its local time: an ISBT 128 DS005 expiry on a label carries no offset, so it
-- must read as the wall-clock time of the facility that printed it.
-- Default Asia/Shanghai: the default jurisdiction is CN, which has one zone (UTC+8, no daylight
-- saving), so every existing site of a Chinese network is right without an update; a site
-- elsewhere sets its own. Names are checked at the API edge against the runtime's time-zone
-- database (Intl), which PostgreSQL's pg_timezone_names need not match.
ALTER TABLE sites ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai' CHECK (time_zone <> '');
