#ifndef CROSSHUB_CMICROHTTPD_SHIM_H
#define CROSSHUB_CMICROHTTPD_SHIM_H

#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/*
 * Leaves percent-escapes in the request path and query untouched. By default
 * libmicrohttpd decodes "%HH" before the access handler receives the path, which
 * would turn an escaped "/" inside a contact id into a path separator. With
 * this callback the router splits the raw path first and decodes each segment.
 */
static inline size_t crosshub_mhd_keep_escapes(void *context, struct MHD_Connection *connection, char *text) {
    (void)context;
    (void)connection;
    return strlen(text);
}

/*
 * Starts a daemon with its options as plain arguments, because Swift cannot
 * call the variadic MHD_start_daemon. `address` may be NULL (bind to every
 * interface on `port`); a `thread_pool_size` of 0 or 1 means one internal
 * polling thread. Returns NULL when the daemon cannot start; errno then
 * usually contains the cause (for example EADDRINUSE).
 */
static inline struct MHD_Daemon *crosshub_mhd_start_daemon(
    unsigned int flags,
    uint16_t port,
    const struct sockaddr *address,
    unsigned int connection_limit,
    unsigned int per_ip_connection_limit,
    unsigned int connection_timeout_seconds,
    unsigned int thread_pool_size,
    MHD_AccessHandlerCallback handler,
    void *handler_context,
    MHD_LogCallback logger,
    void *logger_context)
{
    struct MHD_OptionItem options[9];
    size_t count = 0;

    /* The logger comes first so that start-up errors reach it too. */
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)logger, logger_context };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_LIMIT, (intptr_t)connection_limit, NULL };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)per_ip_connection_limit, NULL };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)connection_timeout_seconds, NULL };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)crosshub_mhd_keep_escapes, NULL };
    if (address != NULL) {
        options[count++] = (struct MHD_OptionItem){ MHD_OPTION_SOCK_ADDR, 0, (void *)address };
    }
    if (thread_pool_size > 1) {
        options[count++] = (struct MHD_OptionItem){ MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)thread_pool_size, NULL };
    }
    options[count] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };

    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* Returns the port the daemon's listening socket is bound to, or 0 when unknown. */
static inline uint16_t crosshub_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/*
 * Returns the number of open connections. libmicrohttpd counts them on its
 * own threads, so the value may be stale by the time the caller reads it.
 */
static inline unsigned int crosshub_mhd_connection_count(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    return info == NULL ? 0 : info->num_connections;
}

#endif
