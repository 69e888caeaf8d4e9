-- The secp256k1 public key of each wallet that has logged in (ADR-036 login proves it). Needed to build the
-- signer info of unsigned transactions for accounts the chain has not seen sign yet. Public data, not a secret.
CREATE TABLE wallet_keys (
    wallet_address varchar(128) PRIMARY KEY,
    pub_key        bytea       NOT NULL CHECK (octet_length(pub_key) = 33),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
