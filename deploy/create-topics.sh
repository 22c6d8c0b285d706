#!/bin/sh
# Creates crosshub's topics with kafka-topics.sh and checks their partition counts.
#
# Every input topic and the changelog get the same partition count, because
# crosshub co-partitions them: partition p of each input topic and of
# crosshub.contact-state belongs to one instance. The changelog is compacted.
# Topics that exist already are left alone, but the script fails when an
# input topic or the changelog has a partition count other than --partitions.
#
# Topic names come from the variables the service reads (CROSSHUB_MARKETING_TOPIC,
# ... CROSSHUB_CHANGELOG_TOPIC), with the service's defaults.
set -eu

usage() {
    cat <<USAGE
Usage: $0 --bootstrap-server HOST:PORT [options]

Options:
  --bootstrap-server HOST:PORT  broker to connect to (required)
  --partitions N                partitions of every topic (default 12)
  --replication-factor N        replicas of every topic (default 3)
  --min-insync-replicas N       min.insync.replicas of every topic (default: 2, or 1 when the replication factor is 1)
  --command-config FILE         client properties for kafka-topics.sh, for TLS or SASL
  --dry-run                     print the kafka-topics.sh commands without running them
  -h, --help                    show this help

Environment:
  KAFKA_TOPICS                  path to kafka-topics.sh (default: kafka-topics.sh on PATH,
                                else /opt/kafka/bin/kafka-topics.sh)
USAGE
}

bootstrap=""
partitions=12
replication=3
min_insync=""
command_config=""
dry_run=false

while [ $# -gt 0 ]; do
    case "$1" in
        --bootstrap-server) bootstrap="${2:?missing value for --bootstrap-server}"; shift 2 ;;
        --partitions) partitions="${2:?missing value for --partitions}"; shift 2 ;;
        --replication-factor) replication="${2:?missing value for --replication-factor}"; shift 2 ;;
        --min-insync-replicas) min_insync="${2:?missing value for --min-insync-replicas}"; shift 2 ;;
        --command-config) command_config="${2:?missing value for --command-config}"; shift 2 ;;
        --dry-run) dry_run=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "create-topics.sh: unknown option '$1'; run '$0 --help' for the list" >&2; exit 2 ;;
    esac
done

is_positive_integer() {
    case "$1" in
        ''|*[!0-9]*|0*) return 1 ;;
        *) return 0 ;;
    esac
}

[ -n "$bootstrap" ] || { echo "create-topics.sh: missing --bootstrap-server, for example --bootstrap-server kafka:9092" >&2; exit 2; }
is_positive_integer "$partitions" || { echo "create-topics.sh: invalid --partitions '$partitions': expected a whole number of at least 1" >&2; exit 2; }
is_positive_integer "$replication" || { echo "create-topics.sh: invalid --replication-factor '$replication': expected a whole number of at least 1" >&2; exit 2; }
if [ -z "$min_insync" ]; then
    if [ "$replication" -ge 2 ]; then min_insync=2; else min_insync=1; fi
fi
is_positive_integer "$min_insync" && [ "$min_insync" -le "$replication" ] || {
    echo "create-topics.sh: invalid --min-insync-replicas '$min_insync': expected 1 to the replication factor ($replication)" >&2; exit 2; }

if [ -z "${KAFKA_TOPICS:-}" ]; then
    if command -v kafka-topics.sh >/dev/null 2>&1; then
        KAFKA_TOPICS=kafka-topics.sh
    else
        KAFKA_TOPICS=/opt/kafka/bin/kafka-topics.sh
    fi
fi

marketing="${CROSSHUB_MARKETING_TOPIC:-marketing.events}"
sales="${CROSSHUB_SALES_TOPIC:-sales.events}"
service="${CROSSHUB_SERVICE_TOPIC:-service.events}"
changelog="${CROSSHUB_CHANGELOG_TOPIC:-crosshub.contact-state}"
outputs="${CROSSHUB_QUALIFICATIONS_TOPIC:-crosshub.qualifications}
${CROSSHUB_PROPERTY_UPDATES_TOPIC:-crosshub.property-updates}
${CROSSHUB_TASKS_TOPIC:-crosshub.tasks}
${CROSSHUB_NOTES_TOPIC:-crosshub.notes}
${CROSSHUB_NOTIFICATIONS_TOPIC:-crosshub.notifications}
${CROSSHUB_ENROLLMENTS_TOPIC:-crosshub.enrollments}
${CROSSHUB_DEAD_LETTER_TOPIC:-crosshub.dead-letters}"

# Runs kafka-topics.sh with the connection options, or prints the command under --dry-run.
topics() {
    if [ -n "$command_config" ]; then
        set -- --command-config "$command_config" "$@"
    fi
    if [ "$dry_run" = true ]; then
        echo "$KAFKA_TOPICS --bootstrap-server $bootstrap $*"
    else
        "$KAFKA_TOPICS" --bootstrap-server "$bootstrap" "$@"
    fi
}

# create TOPIC CONFIG... creates TOPIC with --partitions and --replication-factor unless it exists.
create() {
    topic="$1"
    shift
    set -- --create --if-not-exists --topic "$topic" --partitions "$partitions" \
        --replication-factor "$replication" --config "min.insync.replicas=$min_insync" "$@"
    echo "create-topics.sh: creating $topic ($partitions partitions, replication factor $replication)" >&2
    topics "$@"
}

# check TOPIC fails unless TOPIC has exactly --partitions partitions.
check() {
    topic="$1"
    [ "$dry_run" = true ] && return 0
    count=$(topics --describe --topic "$topic" | sed -n 's/.*PartitionCount:[[:space:]]*\([0-9][0-9]*\).*/\1/p' | head -n 1)
    if [ -z "$count" ]; then
        echo "create-topics.sh: could not read the partition count of $topic from kafka-topics.sh --describe" >&2
        exit 1
    fi
    if [ "$count" != "$partitions" ]; then
        echo "create-topics.sh: $topic has $count partitions but crosshub needs $partitions on every input topic and the changelog; recreate it or pass --partitions $count" >&2
        exit 1
    fi
}

# The broker stamps input records with their append time, so that
# --max-future-skew measures occurred_at against a clock that producers
# cannot set wrong. crosshub also reads record timestamps for the
# end-to-end latency metric (then measured from the append), the
# crosshub.source.timestamp header of dead letters and
# 'crosshub reset --to-datetime'; none of them needs the producer's time.
# Other consumers of these topics that take the record timestamp as the
# event time would see the append time too, so drop the setting if one does.
for topic in "$marketing" "$sales" "$service"; do
    create "$topic" --config message.timestamp.type=LogAppendTime
done
# Compacted, so the latest snapshot of each contact is kept for restores whatever its age.
create "$changelog" --config cleanup.policy=compact --config min.compaction.lag.ms=0 --config segment.ms=3600000
echo "$outputs" | while read -r topic; do
    create "$topic"
done

for topic in "$marketing" "$sales" "$service" "$changelog"; do
    check "$topic"
done
echo "create-topics.sh: topics ready on $bootstrap" >&2
