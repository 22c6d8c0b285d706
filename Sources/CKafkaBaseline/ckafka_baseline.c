#include "ckafka_baseline.h"

#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fail(ckb_result *result, const char *what, const char *detail) {
        result->error = 1;
        snprintf(result->message, sizeof(result->message), "%s: %s", what, detail);
}

static rd_kafka_conf_t *new_conf(const char *bootstrap_servers, ckb_result *result) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap_servers, errstr, sizeof(errstr)) !=
            RD_KAFKA_CONF_OK) {
                fail(result, "bootstrap.servers", errstr);
                rd_kafka_conf_destroy(conf);
                return NULL;
        }
        return conf;
}

static int set(rd_kafka_conf_t *conf, const char *key, const char *value, ckb_result *result) {
        char errstr[256];
        if (rd_kafka_conf_set(conf, key, value, errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fail(result, key, errstr);
                return 0;
        }
        return 1;
}

/* Reads what the Swift wrapper reads besides key and value: the timestamp
 * and every header. Returns the header bytes, so that the work is not
 * optimized away. */
static int64_t read_metadata(rd_kafka_message_t *message) {
        rd_kafka_timestamp_type_t timestamp_type;
        rd_kafka_headers_t *headers;
        const char *name;
        const void *value;
        size_t size;
        int64_t bytes = 0;

        bytes += rd_kafka_message_timestamp(message, &timestamp_type) & 1;
        if (rd_kafka_message_headers(message, &headers) != RD_KAFKA_RESP_ERR_NO_ERROR)
                return bytes;
        for (size_t index = 0;
             rd_kafka_header_get_all(headers, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
             index++)
                bytes += (int64_t)size;
        return bytes;
}

ckb_result ckb_consume(const char *bootstrap_servers, const char *topic, int partitions,
                       int64_t expected, int passes, int batch_size,
                       const char *fetch_error_backoff_ms, int timeout_ms) {
        ckb_result result = {0};
        char errstr[256];
        char group[64];
        rd_kafka_message_t **batch;
        rd_kafka_topic_partition_list_t *list;
        rd_kafka_queue_t *queue;
        rd_kafka_t *rk;
        double start = 0, last_progress;
        int64_t pass_messages = 0;
        int pass = 1;

        rd_kafka_conf_t *conf = new_conf(bootstrap_servers, &result);
        if (!conf)
                return result;
        /* The same settings as the Swift consumer: an assign-only group id, no auto commit. */
        snprintf(group, sizeof(group), "ckb-consume-%ld", (long)time(NULL));
        if (!set(conf, "group.id", group, &result) || !set(conf, "enable.auto.commit", "false", &result) ||
            !set(conf, "enable.auto.offset.store", "false", &result) ||
            !set(conf, "fetch.error.backoff.ms", fetch_error_backoff_ms, &result) ||
            !set(conf, "log.queue", "true", &result)) {
                rd_kafka_conf_destroy(conf);
                return result;
        }
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fail(&result, "rd_kafka_new", errstr);
                rd_kafka_conf_destroy(conf);
                return result;
        }
        rd_kafka_set_log_queue(rk, NULL);
        rd_kafka_poll_set_consumer(rk);
        queue = rd_kafka_queue_get_consumer(rk);
        batch = calloc((size_t)batch_size, sizeof(*batch));

        list = rd_kafka_topic_partition_list_new(partitions);
        for (int partition = 0; partition < partitions; partition++)
                rd_kafka_topic_partition_list_add(list, topic, partition)->offset = RD_KAFKA_OFFSET_BEGINNING;

        last_progress = now_seconds();
        rd_kafka_assign(rk, list);

        while (result.messages < expected * passes) {
                ssize_t count = rd_kafka_consume_batch_queue(queue, 100, batch, (size_t)batch_size);
                if (count < 0) {
                        fail(&result, "rd_kafka_consume_batch_queue", rd_kafka_err2str(rd_kafka_last_error()));
                        break;
                }
                for (ssize_t index = 0; index < count; index++) {
                        rd_kafka_message_t *message = batch[index];
                        if (!message->err) {
                                if (result.messages == 0)
                                        start = now_seconds();
                                result.messages++;
                                pass_messages++;
                                result.bytes += (int64_t)(message->len + message->key_len);
                                result.bytes += read_metadata(message);
                        }
                        rd_kafka_message_destroy(message);
                }
                if (pass_messages == expected && pass < passes) {
                        rd_kafka_error_t *error;
                        pass_messages = 0;
                        pass++;
                        error = rd_kafka_seek_partitions(rk, list, timeout_ms);
                        if (error) {
                                fail(&result, "rd_kafka_seek_partitions", rd_kafka_error_string(error));
                                rd_kafka_error_destroy(error);
                                break;
                        }
                }
                if (count > 0) {
                        last_progress = now_seconds();
                } else if ((now_seconds() - last_progress) * 1000.0 > timeout_ms) {
                        fail(&result, "consume", "no progress before the timeout");
                        break;
                }
        }
        result.seconds = now_seconds() - start;

        rd_kafka_topic_partition_list_destroy(list);
        free(batch);
        rd_kafka_queue_destroy(queue);
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
        return result;
}

static void delivery_report(rd_kafka_t *rk, const rd_kafka_message_t *message, void *opaque) {
        ckb_result *result = opaque;
        (void)rk;
        if (!message->err)
                result->messages++;
        else
                result->error = 1;
}

ckb_result ckb_produce(const char *bootstrap_servers, const char *topic, int64_t count,
                       const char *const *keys, size_t key_count,
                       const void *value, size_t value_size, int timeout_ms) {
        ckb_result result = {0};
        char errstr[256];
        rd_kafka_topic_t *rkt;
        rd_kafka_t *rk;
        double start;

        rd_kafka_conf_t *conf = new_conf(bootstrap_servers, &result);
        if (!conf)
                return result;
        /* The same settings as the Swift producer's defaults. */
        if (!set(conf, "enable.idempotence", "true", &result) ||
            !set(conf, "partitioner", "murmur2_random", &result) ||
            !set(conf, "log.queue", "true", &result)) {
                rd_kafka_conf_destroy(conf);
                return result;
        }
        rd_kafka_conf_set_dr_msg_cb(conf, delivery_report);
        rd_kafka_conf_set_opaque(conf, &result);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fail(&result, "rd_kafka_new", errstr);
                rd_kafka_conf_destroy(conf);
                return result;
        }
        rd_kafka_set_log_queue(rk, NULL);
        rkt = rd_kafka_topic_new(rk, topic, NULL);

        start = now_seconds();
        for (int64_t index = 0; index < count; index++) {
                const char *key = keys[index % (int64_t)key_count];
                for (;;) {
                        rd_kafka_resp_err_t err = rd_kafka_producev(
                            rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(RD_KAFKA_PARTITION_UA),
                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                            RD_KAFKA_V_KEY(key, strlen(key)),
                            RD_KAFKA_V_VALUE((void *)value, value_size),
                            RD_KAFKA_V_OPAQUE((void *)(intptr_t)index), RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
                                break;
                        if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                                fail(&result, "rd_kafka_producev", rd_kafka_err2str(err));
                                goto done;
                        }
                        rd_kafka_poll(rk, 100);
                }
                result.bytes += (int64_t)(value_size + strlen(key));
                if (index % 1000 == 0)
                        rd_kafka_poll(rk, 0);
        }
        if (rd_kafka_flush(rk, timeout_ms) != RD_KAFKA_RESP_ERR_NO_ERROR)
                fail(&result, "rd_kafka_flush", "messages undelivered before the timeout");
done:
        result.seconds = now_seconds() - start;
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(rk);
        return result;
}
