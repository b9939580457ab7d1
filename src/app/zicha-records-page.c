/* STUB */ typedef int zicha_stub_zicha_records_page;
