-- The NVWA joins Betalingsregeling Rijk (beleidsregels 2024, Stcrt. 2023, 30505): its claims are a
-- new kind, and a partner key may deliver them.
ALTER TABLE claims DROP CONSTRAINT claims_kind_check;
ALTER TABLE claims
  ADD CONSTRAINT claims_kind_check CHECK (kind IN ('wahv', 'strafbeschikking', 'geldboetevonnis',
    'schadevergoedingsmaatregel', 'cak', 'duo', 'uwv', 'rvo', 'nvwa'));

ALTER TABLE intake_sources DROP CONSTRAINT intake_sources_claim_kinds;
ALTER TABLE intake_sources
  ADD CONSTRAINT intake_sources_claim_kinds CHECK (
    (cardinality(claim_kinds) > 0 OR submits_requests)
    AND claim_kinds <@ ARRAY['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel',
                             'cak', 'duo', 'uwv', 'rvo', 'nvwa']::text[]
  );
