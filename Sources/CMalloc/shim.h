// glibc's allocator settings (mallopt), for the process command's memory bound.
#include <malloc.h>
