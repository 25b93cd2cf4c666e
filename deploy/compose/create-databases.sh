#!/bin/bash
# Runs once, when the postgres container starts on an empty data volume (docker-entrypoint-initdb.d).
# One database per service, each owned by a login role of the same name: a service can reach only its own data.
# Passwords come from the container's environment (compose.yaml), as MEETINGS_DB_PASSWORD and so on.
set -euo pipefail

for db in meetings agenda insights; do
    password_var="${db^^}_DB_PASSWORD"
    password="${!password_var:?$password_var is not set}"
    echo "creating role and database $db"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         -v name="$db" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
