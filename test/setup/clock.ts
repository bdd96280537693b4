// Every run in the tests is "computed" at the same time (BSU's meeting, 30/10 2018 kl. 14.02), so that
// two runs write the same file; a test of the clock itself sets or removes it.
process.env["SOURCE_DATE_EPOCH"] ??= "1540904520";
