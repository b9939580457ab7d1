/* STUB */ typedef int zicha_stub_zicha_application;
