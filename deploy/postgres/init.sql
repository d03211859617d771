-- Each service owns its database; nothing reads another service's tables.
CREATE DATABASE intake;
CREATE DATABASE matcher;
CREATE DATABASE notifier;
