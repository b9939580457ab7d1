/* STUB */ typedef int zicha_stub_zicha_preferences_window;
