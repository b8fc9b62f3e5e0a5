-- Taken in the queues of a team (Mijn werk, Teamvoorraad), and saved queue views shared within a team.

CREATE TABLE tasks (
  id            text PRIMARY KEY,
  team_id       text NOT NULL REFERENCES teams (id),
  person_id     text NOT NULL REFERENCES persons (id),
  claim_id      text REFERENCES claims (id),
  kind          text NOT NULL CHECK (kind IN ('betalingsonmacht', 'escalatie', 'correspondentie')),
  priority      text NOT NULL DEFAULT 'normaal' CHECK (priority IN ('normaal', 'urgent')),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'afgerond')),
  assignee_id   text REFERENCES users (id),
  created_on    date NOT NULL,
  due_date      date NOT NULL,
  completed_on  date,
  completed_by  text REFERENCES users (id),
  version       bigint NOT NULL,
  CHECK ((status = 'afgerond') = (completed_on IS NOT NULL))
);
CREATE INDEX tasks_team_status ON tasks (team_id, status);

CREATE TABLE saved_views (
  id          text PRIMARY KEY,
  team_id     text NOT NULL REFERENCES teams (id),
  owner_id    text NOT NULL REFERENCES users (id),
  name        text NOT NULL,
  definition  jsonb NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  version     bigint NOT NULL
);
