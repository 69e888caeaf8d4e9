-- One database and one owner role per service, as the local stack (./dev) and deploy/ have them. Local use only:
-- each role's password is its name, like the services' %dev profile expects.
CREATE ROLE gateway LOGIN PASSWORD 'gateway';
CREATE ROLE provisioning LOGIN PASSWORD 'provisioning';
CREATE ROLE chain LOGIN PASSWORD 'chain';
CREATE ROLE heartbeat LOGIN PASSWORD 'heartbeat';
CREATE DATABASE gateway OWNER gateway;
CREATE DATABASE provisioning OWNER provisioning;
CREATE DATABASE chain OWNER chain;
CREATE DATABASE heartbeat OWNER heartbeat;
