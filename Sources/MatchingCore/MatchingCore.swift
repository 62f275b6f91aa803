// Matching algorithms live here.
