-- Partners of Betalingsregeling Rijk (CAK, DUO, UWV, RVO) deliver their claims through the intake,
-- each with its own key: a source may deliver only the claim kinds listed here. The sources made
-- before this deliver CJIB's own kinds, as they did.
ALTER TABLE intake_sources
  ADD COLUMN claim_kinds text[] NOT NULL
    DEFAULT ARRAY['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel']::text[];
ALTER TABLE intake_sources
  ADD CONSTRAINT intake_sources_claim_kinds CHECK (
    cardinality(claim_kinds) > 0
    AND claim_kinds <@ ARRAY['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel',
                             'cak', 'duo', 'uwv', 'rvo']::text[]
  );
