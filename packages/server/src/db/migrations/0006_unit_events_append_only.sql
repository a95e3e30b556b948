-- Defence in depth: no code path updates or deletes a ledger event, and the database refuses it
-- too. Someone with owner rights can still disable the trigger; the hash chain is what detects
-- that (hemonet ledger verify).
CREATE FUNCTION unit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'unit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER unit_events_append_only
BEFORE UPDATE OR DELETE ON unit_events
FOR EACH ROW EXECUTE FUNCTION unit_events_refuse_change();

CREATE TRIGGER unit_events_no_truncate
BEFORE TRUNCATE ON unit_events
FOR EACH STATEMENT EXECUTE FUNCTION unit_events_refuse_change();
