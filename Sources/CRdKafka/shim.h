#ifndef CROSSHUB_CRDKAFKA_SHIM_H
#define CROSSHUB_CRDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/*
 * Swift cannot call C variadic functions, so these wrappers give the
 * variadic librdkafka entry points a fixed signature.
 */

/* Enqueues one message through rd_kafka_producev().
 *
 * key and value are copied (RD_KAFKA_MSG_F_COPY). headers may be NULL. On
 * success librdkafka owns headers; on failure the caller still owns them and
 * must destroy them. partition is RD_KAFKA_PARTITION_UA (-1) to use the
 * configured partitioner. timestamp is in milliseconds since the epoch, or 0
 * for the current time. opaque is returned in the delivery report. */
static inline rd_kafka_resp_err_t crosshub_produce(rd_kafka_t *rk,
                                                   rd_kafka_topic_t *rkt,
                                                   int32_t partition,
                                                   const void *key,
                                                   size_t key_len,
                                                   const void *value,
                                                   size_t value_len,
                                                   rd_kafka_headers_t *headers,
                                                   int64_t timestamp,
                                                   void *opaque) {
        if (headers)
                return rd_kafka_producev(
                    rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(partition),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                    RD_KAFKA_V_KEY(key, key_len),
                    RD_KAFKA_V_VALUE((void *)value, value_len),
                    RD_KAFKA_V_HEADERS(headers),
                    RD_KAFKA_V_TIMESTAMP(timestamp), RD_KAFKA_V_OPAQUE(opaque),
                    RD_KAFKA_V_END);
        return rd_kafka_producev(
            rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_KEY(key, key_len),
            RD_KAFKA_V_VALUE((void *)value, value_len),
            RD_KAFKA_V_TIMESTAMP(timestamp), RD_KAFKA_V_OPAQUE(opaque),
            RD_KAFKA_V_END);
}

/* Pushes one error with a response delay onto one mock broker's error stack
 * for the next request of type api_key (rd_kafka_mock_broker_push_request_error_rtts
 * with a single tuple). */
static inline rd_kafka_resp_err_t
crosshub_mock_broker_push_request_error_rtt(rd_kafka_mock_cluster_t *mcluster,
                                            int32_t broker_id,
                                            int16_t api_key,
                                            rd_kafka_resp_err_t err,
                                            int rtt_ms) {
        return rd_kafka_mock_broker_push_request_error_rtts(
            mcluster, broker_id, api_key, 1, err, rtt_ms);
}

#endif
