#!/usr/bin/env bash
# Placeholder until the store work lands: runs the command as given.
exec "$@"
