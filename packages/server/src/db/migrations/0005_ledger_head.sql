-- The head of the chain: the last seq and its hash. Writers lock this single row
-- (SELECT ... FOR UPDATE) so concurrent processes append one after another and never fork the
-- chain; verify compares it with the last event, which detects deletion of the newest events.
CREATE TABLE ledger_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq bigint NOT NULL CHECK (last_seq >= 0),
  last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);

INSERT INTO ledger_head (id, last_seq, last_hash)
VALUES (true, 0, repeat('0', 64));
