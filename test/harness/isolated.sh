#!/bin/sh
# Runs a command (test/run.mjs uses it for `wtr --config web-test-runner.config.mjs`) in a private network namespace:
# only `lo` plus a veth pair whose both ends stay inside the namespace, so WebRTC/ICE, DNS and
# any browser background traffic can never leave the machine. Needs root (unshare -n, ip).
# Firefox gathers no ICE candidates without a non-loopback interface + default route, hence the veth.
exec unshare -n sh -c '
  set -e
  ip link set lo up
  ip link add v0 type veth peer name v1
  ip addr add 198.18.0.1/24 dev v0
  ip link set v0 up
  ip link set v1 up
  ip route add default via 198.18.0.254 dev v0
  exec "$@"
' sh "$@"
