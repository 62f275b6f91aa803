#ifndef MENTORMAIL_CCURL_SHIM_H
#define MENTORMAIL_CCURL_SHIM_H

#include <curl/curl.h>

/// Typed wrappers: curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.

static inline CURLcode mm_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mm_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mm_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mm_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*mm_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

static inline CURLcode mm_curl_setopt_callback(CURL *handle, CURLoption option, mm_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

typedef int (*mm_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

/// The debug callback, used only to keep the server's last reply lines for error messages.
static inline CURLcode mm_curl_setopt_debug(CURL *handle, mm_curl_debug_callback value) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

/// CURLOPT_MAIL_RCPT_ALLOWFAILS (libcurl 7.69; spelled ALLLOWFAILS before 8.2, hence the
/// number): a refused RCPT TO does not abort the message for the recipients that were accepted.
static inline CURLcode mm_curl_allow_recipient_failures(CURL *handle) {
    return curl_easy_setopt(handle, (CURLoption)290, 1L);
}

static inline CURLcode mm_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// The socket of a connection made with CURLOPT_CONNECT_ONLY, to wait on it with poll().
static inline CURLcode mm_curl_getinfo_socket(CURL *handle, curl_socket_t *value) {
    return curl_easy_getinfo(handle, CURLINFO_ACTIVESOCKET, value);
}

#endif
