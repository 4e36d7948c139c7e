// setup

config.load();
