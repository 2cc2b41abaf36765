"""Private keys a user may paste by mistake, and a line of one that must never be shown or sent."""

OPENSSH_PRIVATE = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                   "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                   "QyNTUxOQAAACDCGTfB9wOvvPzOyTqVsk4G8g0ybpq3Rk7y6vTzTx4dRwAAAJg3Zbq/N2W6\n"
                   "-----END OPENSSH PRIVATE KEY-----\n")
PRIVATE_LINE = "QyNTUxOQAAACDCGTfB9wOvvPzOyTqVsk4G8g0ybpq3Rk7y6vTzTx4dRwAAAJg3Zbq/N2W6"
