-- Where each site is (WGS 84) and how long a courier takes between two sites: the inputs of
-- redistribution and emergency routing.
ALTER TABLE sites ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE sites ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180);

CREATE TABLE travel_times (
  from_site_id text NOT NULL REFERENCES sites (id),
  to_site_id text NOT NULL REFERENCES sites (id),
  minutes integer NOT NULL CHECK (minutes > 0),
  PRIMARY KEY (from_site_id, to_site_id),
  CHECK (from_site_id <> to_site_id)
);
