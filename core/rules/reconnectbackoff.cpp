#include "rules/reconnectbackoff.h"

#include <algorithm>

std::chrono::milliseconds ReconnectBackoff::next()
{
    // 2^5 s already passes the longest wait: no need to shift further (nor to overflow).
    const int doublings = std::min(m_failedTries, 5);
    ++m_failedTries;
    return std::min(kFirst * (1 << doublings), kLongest);
}
