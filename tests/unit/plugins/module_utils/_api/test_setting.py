"""One setting kept as the task says: read, compare, write unless in check mode; the diff before and after."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.setting import ensure_setting


class Recorder(object):
    def __init__(self, current, landed_by_reading=False):
        self.current, self.landed_by_reading, self.written, self.warnings = current, landed_by_reading, [], []

    def read(self, client):
        return self.current

    def write(self, client, value):
        self.written.append(value)
        return self.landed_by_reading


def run(recorder, wanted, check_mode=False):
    return ensure_setting(None, "iam_auth", wanted, recorder.read, recorder.write, check_mode, recorder.warnings.append)


def test_an_unchanged_setting_costs_its_read_and_nothing_else():
    recorder = Recorder(True)
    assert run(recorder, True) == {"changed": False, "iam_auth": True,
                                   "diff": {"before": {"iam_auth": True}, "after": {"iam_auth": True}}}
    assert recorder.written == []


def test_a_different_setting_is_written_and_the_diff_shows_both():
    recorder = Recorder(False)
    result = run(recorder, True)
    assert result["changed"] is True and recorder.written == [True]
    assert result["diff"] == {"before": {"iam_auth": False}, "after": {"iam_auth": True}}


def test_check_mode_predicts_the_change_without_writing():
    recorder = Recorder(False)
    assert run(recorder, True, check_mode=True)["changed"] is True and recorder.written == []


def test_a_write_confirmed_only_by_reading_again_is_said_in_a_warning():
    recorder = Recorder(False, landed_by_reading=True)
    assert run(recorder, True)["changed"] is True
    assert recorder.warnings == ["The answer to the change was lost, but reading the setting again shows iam_auth is now True."]
