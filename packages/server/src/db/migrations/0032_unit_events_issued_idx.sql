-- Recent issues per site: redistribution proposals estimate each site's usage from the ISSUED
-- events of the last weeks. Partial, so appends of every other event type pay nothing for it.
CREATE INDEX unit_events_issued_at_idx ON unit_events (at) WHERE type = 'ISSUED';
