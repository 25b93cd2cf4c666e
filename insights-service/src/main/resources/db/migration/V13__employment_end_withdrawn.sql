-- A notified end of employment may be corrected (a later EmploymentEnded replaces the last day) or withdrawn
-- (EmploymentEndWithdrawn reopens the period): a row is now one of three facts. The check constraint's name depends
-- on whether a replay swapped the table in (its copy's generated name), so every check constraint is replaced.
do $$
declare
    constraint_name text;
begin
    for constraint_name in select conname from pg_constraint
                           where conrelid = 'directory_employment'::regclass and contype = 'c' loop
        execute format('alter table directory_employment drop constraint %I', constraint_name);
    end loop;
end $$;

alter table directory_employment add column end_withdrawn boolean not null default false;
alter table directory_employment add constraint directory_employment_one_fact check (
    (case when starts_at is not null then 1 else 0 end) + (case when last_day is not null then 1 else 0 end)
        + (case when end_withdrawn then 1 else 0 end) = 1);
