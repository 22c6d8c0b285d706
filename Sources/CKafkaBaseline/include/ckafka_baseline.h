#ifndef CKAFKA_BASELINE_H
#define CKAFKA_BASELINE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Plain C loops over librdkafka that the Swift wrapper is measured against.
 * They use the same client settings as the Swift benchmark and do the work
 * the Swift wrapper does, short of copying: read each message's key, value,
 * timestamp and headers in place, or enqueue prepared bytes and count
 * delivery reports.
 */

/* Outcome of one benchmark loop. error is 0 on success; otherwise message
 * names what failed. */
typedef struct {
        int64_t messages;
        int64_t bytes;
        double seconds;
        int error;
        char message[256];
} ckb_result;

/* Reads partitions 0..partitions-1 of `topic`, which hold `expected`
 * messages in total, `passes` times: it assigns them from the beginning and
 * seeks back to the beginning after each pass. It polls with
 * rd_kafka_consume_batch_queue() in batches of `batch_size`. The clock runs
 * from the first message to the last, so the assignment's start-up delay is
 * not measured. `fetch_error_backoff_ms` is passed to librdkafka's
 * fetch.error.backoff.ms. Fails after `timeout_ms` without progress. */
ckb_result ckb_consume(const char *bootstrap_servers, const char *topic, int partitions,
                       int64_t expected, int passes, int batch_size,
                       const char *fetch_error_backoff_ms, int timeout_ms);

/* Produces `count` messages to `topic` with an idempotent producer and the
 * murmur2_random partitioner. Message i has key keys[i % key_count] and the
 * value `value` of `value_size` bytes. Polls every 1000 messages and on a
 * full queue, then flushes. The clock stops when every delivery report has
 * arrived; `messages` counts successful reports. */
ckb_result ckb_produce(const char *bootstrap_servers, const char *topic, int64_t count,
                       const char *const *keys, size_t key_count,
                       const void *value, size_t value_size, int timeout_ms);

#endif
