using System.Text.Json;
using Cfc.Wamp.Router;

namespace Cfc.Wamp.Router.Tests;

public sealed class RouterRpcTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Call_is_invoked_and_the_yield_becomes_the_result(bool webSocket)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        long registration = await callee.RegisterAsync("com.example.add");

        long call = await caller.CallAsync("com.example.add", payload: """[2,3],{"k":"v"}""");
        JsonElement invocation = await callee.ExpectAsync(68);
        Assert.Equal(registration, invocation[2].GetInt64());
        Assert.Equal("[2,3]", invocation[4].GetRawText());
        Assert.Equal("v", invocation[5].GetProperty("k").GetString());
        Assert.False(invocation[3].TryGetProperty("caller", out _));
        await callee.SendAsync($$"""[70,{{invocation[1].GetInt64()}},{},[5],{"sum":true}]""");

        JsonElement result = await caller.ExpectAsync(50);
        Assert.Equal(call, result[1].GetInt64());
        Assert.Equal("[5]", result[3].GetRawText());
        Assert.True(result[4].GetProperty("sum").GetBoolean());
    }

    [Fact]
    public async Task Invocation_ids_are_sequential_per_callee()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.p");

        await caller.CallAsync("com.example.p");
        await caller.CallAsync("com.example.p");

        Assert.Equal(1, (await callee.ExpectAsync(68))[1].GetInt64());
        Assert.Equal(2, (await callee.ExpectAsync(68))[1].GetInt64());
    }

    [Fact]
    public async Task Call_to_an_unknown_procedure_fails_with_no_such_procedure()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer caller = await bed.JoinAsync();

        long call = await caller.CallAsync("com.example.nothing");

        JsonElement error = await caller.ExpectAsync(8);
        Assert.Equal(48, error[1].GetInt32());
        Assert.Equal(call, error[2].GetInt64());
        Assert.Equal("wamp.error.no_such_procedure", error[4].GetString());
    }

    [Fact]
    public async Task Callee_error_is_forwarded_with_uri_args_and_kwargs()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.fail");

        long call = await caller.CallAsync("com.example.fail");
        JsonElement invocation = await callee.ExpectAsync(68);
        await callee.SendAsync($$"""[8,68,{{invocation[1].GetInt64()}},{},"com.example.error.bad",["why"],{"code":7}]""");

        JsonElement error = await caller.ExpectAsync(8);
        Assert.Equal(48, error[1].GetInt32());
        Assert.Equal(call, error[2].GetInt64());
        Assert.Equal("com.example.error.bad", error[4].GetString());
        Assert.Equal("why", error[5][0].GetString());
        Assert.Equal(7, error[6].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Duplicate_single_registration_is_refused_and_shared_roundrobin_rotates()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer a = await bed.JoinAsync();
        RawPeer b = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await a.RegisterAsync("com.example.single");
        await b.SendAsync("""[64,100,{},"com.example.single"]""");
        JsonElement error = await b.ExpectAsync(8);
        Assert.Equal(64, error[1].GetInt32());
        Assert.Equal("wamp.error.procedure_already_exists", error[4].GetString());

        long r1 = await a.RegisterAsync("com.example.shared", """{"invoke":"roundrobin"}""");
        long r2 = await b.RegisterAsync("com.example.shared", """{"invoke":"roundrobin"}""");
        Assert.Equal(r1, r2);
        await b.SendAsync("""[64,101,{"invoke":"random"},"com.example.shared"]""");
        Assert.Equal("wamp.error.procedure_already_exists", (await b.ExpectAsync(8))[4].GetString());

        await caller.CallAsync("com.example.shared");
        await a.ExpectAsync(68);
        await caller.CallAsync("com.example.shared");
        await b.ExpectAsync(68);
        await caller.CallAsync("com.example.shared");
        await a.ExpectAsync(68);
    }

    [Theory]
    [InlineData("first", 0)]
    [InlineData("last", 1)]
    public async Task Shared_first_and_last_pick_the_oldest_or_newest_callee(string policy, int expected)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer[] callees = [await bed.JoinAsync(), await bed.JoinAsync()];
        RawPeer caller = await bed.JoinAsync();
        foreach (RawPeer c in callees)
        {
            await c.RegisterAsync("com.example.p", $$"""{"invoke":"{{policy}}"}""");
        }

        await caller.CallAsync("com.example.p");

        await callees[expected].ExpectAsync(68);
        await callees[1 - expected].ExpectNothingAsync();
    }

    [Fact]
    public async Task Exact_beats_longest_prefix_beats_wildcard_and_patterns_get_the_procedure()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer exact = await bed.JoinAsync();
        RawPeer shortPrefix = await bed.JoinAsync();
        RawPeer longPrefix = await bed.JoinAsync();
        RawPeer wildcard = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await exact.RegisterAsync("com.example.a.b");
        await shortPrefix.RegisterAsync("com.example", """{"match":"prefix"}""");
        await longPrefix.RegisterAsync("com.example.a", """{"match":"prefix"}""");
        long wild = await wildcard.RegisterAsync("org..run", """{"match":"wildcard"}""");

        await caller.CallAsync("com.example.a.b");
        Assert.False((await exact.ExpectAsync(68))[3].TryGetProperty("procedure", out _));

        await caller.CallAsync("com.example.a.c");
        Assert.Equal("com.example.a.c", (await longPrefix.ExpectAsync(68))[3].GetProperty("procedure").GetString());

        await caller.CallAsync("com.example.z");
        Assert.Equal("com.example.z", (await shortPrefix.ExpectAsync(68))[3].GetProperty("procedure").GetString());

        await caller.CallAsync("org.x.run");
        JsonElement invocation = await wildcard.ExpectAsync(68);
        Assert.Equal(wild, invocation[2].GetInt64());
        Assert.Equal("org.x.run", invocation[3].GetProperty("procedure").GetString());

        await caller.CallAsync("org.x.y.run");
        Assert.Equal("wamp.error.no_such_procedure", (await caller.ExpectAsync(8))[4].GetString());
    }

    [Fact]
    public async Task Progressive_results_are_forwarded_with_progress_then_final()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.stream");

        long call = await caller.CallAsync("com.example.stream", """{"receive_progress":true}""");
        JsonElement invocation = await callee.ExpectAsync(68);
        Assert.True(invocation[3].GetProperty("receive_progress").GetBoolean());
        long inv = invocation[1].GetInt64();
        await callee.SendAsync($$"""[70,{{inv}},{"progress":true},[1]]""");
        await callee.SendAsync($$"""[70,{{inv}},{"progress":true},[2]]""");
        await callee.SendAsync($$"""[70,{{inv}},{},[3]]""");

        for (int i = 1; i <= 2; i++)
        {
            JsonElement progress = await caller.ExpectAsync(50);
            Assert.Equal(call, progress[1].GetInt64());
            Assert.True(progress[2].GetProperty("progress").GetBoolean());
            Assert.Equal(i, progress[3][0].GetInt32());
        }

        JsonElement final = await caller.ExpectAsync(50);
        Assert.False(final[2].TryGetProperty("progress", out _));
        Assert.Equal(3, final[3][0].GetInt32());
    }

    [Fact]
    public async Task Disclose_me_and_disclose_caller_reveal_the_caller()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.who");
        await callee.RegisterAsync("com.example.always", """{"disclose_caller":true}""");

        await caller.CallAsync("com.example.who", """{"disclose_me":true}""");
        JsonElement details = (await callee.ExpectAsync(68))[3];
        Assert.Equal(caller.SessionId, details.GetProperty("caller").GetInt64());
        Assert.Equal("anonymous", details.GetProperty("caller_authrole").GetString());
        Assert.False(string.IsNullOrEmpty(details.GetProperty("caller_authid").GetString()));

        await caller.CallAsync("com.example.always");
        Assert.Equal(caller.SessionId, (await callee.ExpectAsync(68))[3].GetProperty("caller").GetInt64());
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("killnowait")]
    public async Task Cancel_skip_and_killnowait_answer_the_caller_at_once_and_drop_the_late_yield(string mode)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.slow");

        long call = await caller.CallAsync("com.example.slow");
        long inv = (await callee.ExpectAsync(68))[1].GetInt64();
        await caller.SendAsync($$"""[49,{{call}},{"mode":"{{mode}}"}]""");

        JsonElement error = await caller.ExpectAsync(8);
        Assert.Equal(call, error[2].GetInt64());
        Assert.Equal("wamp.error.canceled", error[4].GetString());
        if (mode == "killnowait")
        {
            JsonElement interrupt = await callee.ExpectAsync(69);
            Assert.Equal(inv, interrupt[1].GetInt64());
            Assert.Equal("killnowait", interrupt[2].GetProperty("mode").GetString());
        }
        else
        {
            await callee.ExpectNothingAsync();
        }

        // The callee's late answer is ignored, not a protocol violation.
        await callee.SendAsync($$"""[70,{{inv}},{},["late"]]""");
        await callee.SyncAsync();
        await caller.ExpectNothingAsync();
        await callee.RegisterAsync("com.example.still_alive");
    }

    [Fact]
    public async Task Cancel_kill_interrupts_and_forwards_the_callee_answer()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.slow");

        long call = await caller.CallAsync("com.example.slow");
        long inv = (await callee.ExpectAsync(68))[1].GetInt64();
        await caller.SendAsync($$"""[49,{{call}},{"mode":"kill"}]""");

        JsonElement interrupt = await callee.ExpectAsync(69);
        Assert.Equal("kill", interrupt[2].GetProperty("mode").GetString());
        await caller.ExpectNothingAsync();
        await callee.SendAsync($$"""[8,68,{{inv}},{},"wamp.error.canceled"]""");

        JsonElement error = await caller.ExpectAsync(8);
        Assert.Equal(call, error[2].GetInt64());
        Assert.Equal("wamp.error.canceled", error[4].GetString());
    }

    [Fact]
    public async Task Call_timeout_errors_the_caller_and_interrupts_the_callee()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.slow");

        long call = await caller.CallAsync("com.example.slow", """{"timeout":100}""");
        long inv = (await callee.ExpectAsync(68))[1].GetInt64();

        JsonElement error = await caller.ExpectAsync(8);
        Assert.Equal(call, error[2].GetInt64());
        Assert.Equal("wamp.error.timeout", error[4].GetString());
        JsonElement interrupt = await callee.ExpectAsync(69);
        Assert.Equal(inv, interrupt[1].GetInt64());
        Assert.Equal("killnowait", interrupt[2].GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Callee_leaving_cancels_pending_calls_and_drops_its_registrations()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.p");
        long call = await caller.CallAsync("com.example.p");
        await callee.ExpectAsync(68);

        await callee.DisposeAsync();

        JsonElement error = await caller.ExpectAsync(8);
        Assert.Equal(call, error[2].GetInt64());
        Assert.Equal("wamp.error.canceled", error[4].GetString());
        await caller.CallAsync("com.example.p");
        Assert.Equal("wamp.error.no_such_procedure", (await caller.ExpectAsync(8))[4].GetString());
    }

    [Fact]
    public async Task Caller_leaving_interrupts_the_callee()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        RawPeer caller = await bed.JoinAsync();
        await callee.RegisterAsync("com.example.p");
        await caller.CallAsync("com.example.p");
        long inv = (await callee.ExpectAsync(68))[1].GetInt64();

        await caller.DisposeAsync();

        JsonElement interrupt = await callee.ExpectAsync(69);
        Assert.Equal(inv, interrupt[1].GetInt64());
        Assert.Equal("killnowait", interrupt[2].GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Unregister_removes_the_procedure_and_unknown_ids_fail()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();
        long registration = await callee.RegisterAsync("com.example.p");

        await callee.SendAsync($$"""[66,50,{{registration}}]""");
        Assert.Equal(50, (await callee.ExpectAsync(67))[1].GetInt64());
        await callee.SendAsync($$"""[66,51,{{registration}}]""");
        JsonElement error = await callee.ExpectAsync(8);
        Assert.Equal(66, error[1].GetInt32());
        Assert.Equal("wamp.error.no_such_registration", error[4].GetString());

        await callee.CallAsync("com.example.p");
        Assert.Equal("wamp.error.no_such_procedure", (await callee.ExpectAsync(8))[4].GetString());
    }

    [Fact]
    public async Task Yield_for_an_invocation_never_issued_is_a_protocol_violation()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();

        await callee.SendAsync("""[70,77,{}]""");

        Assert.Equal("wamp.error.protocol_violation", (await callee.ExpectAsync(3))[2].GetString());
        await callee.ExpectClosedAsync();
    }

    [Fact]
    public async Task Registering_in_the_reserved_wamp_namespace_is_refused()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer callee = await bed.JoinAsync();

        await callee.SendAsync("""[64,1,{},"wamp.session.count"]""");

        Assert.Equal("wamp.error.invalid_uri", (await callee.ExpectAsync(8))[4].GetString());
    }
}
