-- A weekly spending limit beside the daily and monthly ones (the web UI's Costs page sets and shows it).
ALTER TABLE budgets ADD COLUMN weekly_limit double precision;
