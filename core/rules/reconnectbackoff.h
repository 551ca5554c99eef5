#pragma once

#include <chrono>

// How long to wait before trying a lost server again: 1 s, doubling after each failed try, up to
// 30 s, so that a server back within seconds is found within seconds and one down for an hour
// is not hammered. A success starts over from 1 s.
class ReconnectBackoff
{
public:
    static constexpr std::chrono::milliseconds kFirst{1000};
    static constexpr std::chrono::milliseconds kLongest{30000};

    // The wait before the next try, counted as one more failed try.
    std::chrono::milliseconds next();
    // The server was reached.
    void reset() { m_failedTries = 0; }
    int failedTries() const { return m_failedTries; }

private:
    int m_failedTries = 0;
};
