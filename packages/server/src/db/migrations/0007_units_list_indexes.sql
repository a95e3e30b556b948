-- Inventory lists filter by site, status, component class and group, ordered by expiry
-- (first-expiring-first-out issuing).
CREATE INDEX units_site_status_expiry_idx ON units (site_id, status, expires_at);
CREATE INDEX units_status_expiry_idx ON units (status, expires_at);
CREATE INDEX units_site_class_group_idx ON units (site_id, component_class, abo, rhd, status);
