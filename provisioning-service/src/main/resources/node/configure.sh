#!/bin/sh
# configure: the second init container of a ValidatorNode pod (docs/node-image-contract.md). Writes the node's
# settings into the files the Cosmos SDK binary reads, <home>/config/config.toml (CometBFT) and app.toml (Cosmos SDK),
# and installs the genesis only if its SHA-256 is the one the ValidatorNode names. Needs POSIX sh, awk, sha256sum and
# curl (the provisioner's tools image). Reads no key file and prints no file content.
#
# Keys and sections are those of CometBFT v0.38 config/toml.go ([rpc] laddr, [p2p] laddr / seeds / persistent_peers,
# [statesync] enable / rpc_servers / trust_height / trust_hash / trust_period, [consensus] double_sign_check_height)
# and Cosmos SDK v0.50 server/config/toml.go (minimum-gas-prices at the top, [grpc] address).
set -eu

: "${NODE_HOME:?NODE_HOME is required}"
cfg="$NODE_HOME/config"
config_toml="$cfg/config.toml"
app_toml="$cfg/app.toml"
mkdir -p "$cfg"
touch "$config_toml" "$app_toml"

# toml_string VALUE: a TOML basic string (the values we write never hold quotes, backslashes or newlines)
toml_string() {
  printf '"%s"' "$1"
}

# set_toml FILE SECTION KEY VALUE: sets KEY = VALUE inside [SECTION] ("" = top level), replacing an existing line,
# adding it at the end of the section, or adding the section; other lines are kept as they are.
set_toml() {
  awk -v sec="$2" -v key="$3" -v val="$4" '
    function emit() { if (!done) { print key " = " val; done = 1 } }
    BEGIN { insec = (sec == ""); done = 0 }
    /^[ \t]*\[/ {
      if (insec) emit()
      name = $0
      sub(/^[ \t]*\[+[ \t]*/, "", name); sub(/[ \t]*\]+.*$/, "", name)
      insec = (name == sec)
      print
      next
    }
    insec && $0 ~ ("^[ \t]*" key "[ \t]*=") { if (!done) { print key " = " val; done = 1 }; next }
    { print }
    END {
      if (!done) {
        if (!insec && sec != "") { print ""; print "[" sec "]" }
        print key " = " val
      }
    }' "$1" > "$1.tmp"
  mv "$1.tmp" "$1"
}

sha256_of() {
  sha256sum "$1" | cut -d ' ' -f 1
}

install_genesis() {
  target="$cfg/genesis.json"
  if [ -n "${GENESIS_URL:-}" ]; then
    : "${GENESIS_SHA256:?GENESIS_SHA256 is required with GENESIS_URL}"
    marker="$cfg/.genesis.sha256"
    if [ -s "$target" ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$GENESIS_SHA256" ]; then
      echo "genesis already installed (sha256 $GENESIS_SHA256)"
      return 0
    fi
    download="$NODE_HOME/.genesis.download"
    rm -f "$download"
    curl -fsSL --retry 5 --retry-delay 3 --proto '=https,file' -o "$download" "$GENESIS_URL"
    actual="$(sha256_of "$download")"
    if [ "$actual" != "$GENESIS_SHA256" ]; then
      rm -f "$download"
      echo "genesis checksum mismatch: expected sha256 $GENESIS_SHA256, got $actual; the node is not started" >&2
      exit 1
    fi
    case "$GENESIS_URL" in
      *.gz) gunzip -c "$download" > "$target.tmp" && rm -f "$download" ;;
      *) mv "$download" "$target.tmp" ;;
    esac
    mv "$target.tmp" "$target"
    printf '%s' "$GENESIS_SHA256" > "$marker"
    echo "genesis installed from $GENESIS_URL (sha256 $GENESIS_SHA256)"
  elif [ -n "${GENESIS_FILE:-}" ]; then
    if [ -n "${GENESIS_SHA256:-}" ] && [ "$(sha256_of "$GENESIS_FILE")" != "$GENESIS_SHA256" ]; then
      echo "genesis checksum mismatch for $GENESIS_FILE; the node is not started" >&2
      exit 1
    fi
    cp "$GENESIS_FILE" "$target.tmp"
    mv "$target.tmp" "$target"
    echo "genesis installed from the ConfigMap"
  fi
}

# first "height" in a CometBFT /block answer is the header's; first "hash" is block_id.hash
derive_trust() {
  ref="$STATE_SYNC_REFERENCE_RPC"
  latest="$(curl -fsS --retry 5 --retry-delay 3 "$ref/block" | grep -o '"height":"[0-9]*"' | head -n 1 \
    | tr -dc '0-9')"
  [ -n "$latest" ] || { echo "state sync: no latest height from $ref" >&2; exit 1; }
  offset="${STATE_SYNC_TRUST_OFFSET:-2000}"
  height=$((latest > offset ? latest - offset : 1))
  hash="$(curl -fsS --retry 5 --retry-delay 3 "$ref/block?height=$height" | grep -o '"hash":"[0-9A-Fa-f]*"' \
    | head -n 1 | cut -d '"' -f 4)"
  [ -n "$hash" ] || { echo "state sync: no hash of block $height from $ref" >&2; exit 1; }
  STATE_SYNC_TRUST_HEIGHT="$height"
  STATE_SYNC_TRUST_HASH="$hash"
  if [ -z "${STATE_SYNC_RPC_SERVERS:-}" ]; then
    STATE_SYNC_RPC_SERVERS="$ref"
  fi
}

configure_state_sync() {
  if [ "${STATE_SYNC_ENABLE:-false}" != "true" ]; then
    return 0
  fi
  if [ -f "$NODE_HOME/data/application.db/CURRENT" ] || [ -d "$NODE_HOME/data/blockstore.db" ]; then
    # a node with state never state-syncs again: CometBFT ignores it, and the reference may have moved on
    set_toml "$config_toml" statesync enable false
    echo "state sync: node already has data, left off"
    return 0
  fi
  if [ -n "${STATE_SYNC_REFERENCE_RPC:-}" ] && [ -z "${STATE_SYNC_TRUST_HEIGHT:-}" ]; then
    derive_trust
  fi
  servers="${STATE_SYNC_RPC_SERVERS:?state sync needs RPC servers}"
  case "$servers" in
    *,*) ;;
    *) servers="$servers,$servers" ;; # CometBFT wants at least two entries
  esac
  set_toml "$config_toml" statesync enable true
  set_toml "$config_toml" statesync rpc_servers "$(toml_string "$servers")"
  set_toml "$config_toml" statesync trust_height "${STATE_SYNC_TRUST_HEIGHT:?state sync needs a trust height}"
  set_toml "$config_toml" statesync trust_hash "$(toml_string "${STATE_SYNC_TRUST_HASH:?state sync needs a trust hash}")"
  if [ -n "${STATE_SYNC_TRUST_PERIOD:-}" ]; then
    set_toml "$config_toml" statesync trust_period "$(toml_string "$STATE_SYNC_TRUST_PERIOD")"
  fi
  echo "state sync: trust height $STATE_SYNC_TRUST_HEIGHT"
}

install_genesis
set_toml "$config_toml" "" moniker "$(toml_string "$NODE_MONIKER")"
set_toml "$config_toml" rpc laddr "$(toml_string "${RPC_LADDR:-tcp://0.0.0.0:26657}")"
set_toml "$config_toml" p2p laddr "$(toml_string "${P2P_LADDR:-tcp://0.0.0.0:26656}")"
set_toml "$config_toml" p2p seeds "$(toml_string "${P2P_SEEDS:-}")"
set_toml "$config_toml" p2p persistent_peers "$(toml_string "${P2P_PERSISTENT_PEERS:-}")"
set_toml "$config_toml" consensus double_sign_check_height "${DOUBLE_SIGN_CHECK_HEIGHT:-10}"
configure_state_sync
if [ -n "${MINIMUM_GAS_PRICES:-}" ]; then
  set_toml "$app_toml" "" minimum-gas-prices "$(toml_string "$MINIMUM_GAS_PRICES")"
fi
set_toml "$app_toml" grpc address "$(toml_string "${GRPC_ADDRESS:-0.0.0.0:9090}")"
echo "configured $config_toml and $app_toml"
