#!/usr/bin/env bash
# Creates the platform's public topics and their dead-letter topics; topics that already exist are
# left alone, so the script can run on every `docker compose up`. The services create missing topics
# on start as well; running this first means partition counts never depend on which service wins.
#
# Public topics keep their records forever (retention.ms=-1): consumers such as analytics rebuild
# their read models by replaying them from the beginning. Dead-letter topics use the broker default.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
topics_cli=/opt/kafka/bin/kafka-topics.sh

# topic:partitions
public_topics=(
  competency.frameworks.v1:3
  competency.evidence.v1:6
  competency.learners.v1:6
  competency.mastery.v1:6
  competency.community.v1:3
  competency.assessments.v1:6
)

create() {
  "$topics_cli" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1 "${@:3}"
}

for spec in "${public_topics[@]}"; do
  topic="${spec%%:*}"
  partitions="${spec##*:}"
  create "$topic" "$partitions" --config retention.ms=-1
  create "$topic.dlq" 1
done

"$topics_cli" --bootstrap-server "$bootstrap" --describe --topic 'competency\..*'
