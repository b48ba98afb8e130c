using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

public sealed class CalleeTests
{
    private static async Task<WampRegistration> RegisterAsync(WampClient client, ScriptedTransport router, string procedure, WampInvocationHandler handler, long registrationId = 100, WampRegisterOptions? options = null)
    {
        Task<WampRegistration> register = client.RegisterAsync(procedure, handler, options);
        RegisterMessage sent = await router.NextAsync<RegisterMessage>();
        Assert.Equal(procedure, sent.Procedure);
        router.Push($"[65, {sent.RequestId}, {registrationId}]");
        return await register.Within();
    }

    [Fact(Timeout = 20000)]
    public async Task Invocation_runs_the_handler_off_the_reader_and_yields_its_result()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            string? procedure = null;
            WampRegistration registration = await RegisterAsync(client, router, "com.math.add", (inv, _) =>
            {
                procedure = inv.Procedure;
                return ValueTask.FromResult(TestRouter.Args(inv.Payload[0].GetInt32() + inv.Payload[1].GetInt32()));
            });
            Assert.Equal(100, registration.RegistrationId);

            router.Push("""[68, 7, 100, {}, [2, 3]]""");
            YieldMessage yield = await router.NextAsync<YieldMessage>();
            Assert.Equal(7, yield.RequestId);
            Assert.Equal("{}", yield.Options.GetRawText());
            Assert.Equal("[5]", TestRouter.Raw(yield.Payload.Arguments));
            Assert.Equal("com.math.add", procedure);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Register_options_go_on_the_wire_and_pattern_invocations_name_the_concrete_procedure()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            string? procedure = null;
            Task<WampRegistration> register = client.RegisterAsync("com.app", (inv, _) =>
            {
                procedure = inv.Procedure;
                return ValueTask.FromResult(WampPayload.Empty);
            }, new WampRegisterOptions { Match = WampMatch.Prefix, Invoke = "roundrobin", DiscloseCaller = true });
            RegisterMessage sent = await router.NextAsync<RegisterMessage>();
            Assert.Equal("""{"match":"prefix","invoke":"roundrobin","disclose_caller":true}""", sent.Options.GetRawText());
            router.Push($"[65, {sent.RequestId}, 5]");
            await register.Within();

            router.Push("""[68, 1, 5, {"procedure": "com.app.ping", "caller": 99}]""");
            YieldMessage yield = await router.NextAsync<YieldMessage>();
            Assert.Equal(1, yield.RequestId);
            Assert.Null(yield.Payload.Arguments);
            Assert.Equal("com.app.ping", procedure);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Handler_wamp_exception_becomes_an_error_with_its_uri_and_payload()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            await RegisterAsync(client, router, "com.fail", (_, _) => throw new WampException("com.app.error.nope", null, TestRouter.Args("bad input", 3)));
            router.Push("""[68, 1, 100, {}]""");
            ErrorMessage error = await router.NextAsync<ErrorMessage>();
            Assert.Equal(WampMessageType.Invocation, error.RequestType);
            Assert.Equal(1, error.RequestId);
            Assert.Equal("com.app.error.nope", error.ErrorUri);
            Assert.Equal("""["bad input",3]""", TestRouter.Raw(error.Payload.Arguments));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Handler_other_exception_becomes_runtime_error_with_the_message()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            await RegisterAsync(client, router, "com.fail", (_, _) => throw new InvalidOperationException("disk full"));
            router.Push("""[68, 1, 100, {}]""");
            ErrorMessage error = await router.NextAsync<ErrorMessage>();
            Assert.Equal("wamp.error.runtime_error", error.ErrorUri);
            Assert.Equal("""["disk full"]""", TestRouter.Raw(error.Payload.Arguments));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Progressive_yields_are_sent_only_when_the_caller_asked_for_progress()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            await RegisterAsync(client, router, "com.count", async (inv, ct) =>
            {
                await inv.SendProgressAsync(TestRouter.Args(1), ct);
                await inv.SendProgressAsync(TestRouter.Args(2), ct);
                return TestRouter.Args(3);
            });

            router.Push("""[68, 1, 100, {"receive_progress": true}]""");
            YieldMessage p1 = await router.NextAsync<YieldMessage>();
            YieldMessage p2 = await router.NextAsync<YieldMessage>();
            YieldMessage final = await router.NextAsync<YieldMessage>();
            Assert.Equal("""{"progress":true}""", p1.Options.GetRawText());
            Assert.Equal("[1]", TestRouter.Raw(p1.Payload.Arguments));
            Assert.Equal("[2]", TestRouter.Raw(p2.Payload.Arguments));
            Assert.Equal("{}", final.Options.GetRawText());
            Assert.Equal("[3]", TestRouter.Raw(final.Payload.Arguments));

            router.Push("""[68, 2, 100, {}]""");
            YieldMessage only = await router.NextAsync<YieldMessage>();
            Assert.Equal(2, only.RequestId);
            Assert.Equal("{}", only.Options.GetRawText());
            Assert.Equal("[3]", TestRouter.Raw(only.Payload.Arguments));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Interrupt_kill_cancels_the_handler_and_answers_canceled()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var started = new TaskCompletionSource();
            await RegisterAsync(client, router, "com.slow", async (_, ct) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return default;
            });
            router.Push("""[68, 1, 100, {}]""");
            await started.Task.Within();
            router.Push("""[69, 1, {"mode": "kill"}]""");

            ErrorMessage error = await router.NextAsync<ErrorMessage>();
            Assert.Equal(1, error.RequestId);
            Assert.Equal("wamp.error.canceled", error.ErrorUri);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Interrupt_killnowait_cancels_the_handler_and_sends_nothing()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var started = new TaskCompletionSource();
            var cancelled = new TaskCompletionSource();
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await RegisterAsync(client, router, "com.slow", async (_, ct) =>
            {
                ct.Register(() => cancelled.TrySetResult());
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    finished.SetResult();
                }

                return default;
            });
            router.Push("""[68, 1, 100, {}]""");
            await started.Task.Within();
            router.Push("""[69, 1, {"mode": "killnowait"}]""");
            await cancelled.Task.Within();
            await finished.Task.Within();

            // The handler has ended, so its answer (if any) is decided; a marker then must be the next frame.
            await router.AssertNothingMoreSentAsync(client);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Invocation_for_an_unknown_registration_is_answered_with_no_such_registration()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            router.Push("""[68, 3, 777, {}]""");
            ErrorMessage error = await router.NextAsync<ErrorMessage>();
            Assert.Equal(WampMessageType.Invocation, error.RequestType);
            Assert.Equal(3, error.RequestId);
            Assert.Equal("wamp.error.no_such_registration", error.ErrorUri);
            Assert.Equal(WampConnectionState.Connected, client.State);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Disposing_a_registration_unregisters_it()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            WampRegistration registration = await RegisterAsync(client, router, "com.x", (_, _) => default, registrationId: 55);
            ValueTask dispose = registration.DisposeAsync();
            UnregisterMessage unregister = await router.NextAsync<UnregisterMessage>();
            Assert.Equal(55, unregister.RegistrationId);
            router.Push($"[67, {unregister.RequestId}]");
            await dispose.AsTask().Within();
            await registration.Completion.Within();
            Assert.Null(registration.RegistrationId);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Registration_revocation_faults_its_completion()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            WampRegistration registration = await RegisterAsync(client, router, "com.x", (_, _) => default, registrationId: 55);
            router.Push("""[67, 0, {"registration": 55, "reason": "wamp.error.killed"}]""");

            var ex = await Assert.ThrowsAsync<WampException>(() => registration.Completion.Within());
            Assert.Contains("wamp.error.killed", ex.Message);
            Assert.Null(registration.RegistrationId);

            // Gone from the session: a late invocation for it is refused.
            router.Push("""[68, 9, 55, {}]""");
            Assert.Equal("wamp.error.no_such_registration", (await router.NextAsync<ErrorMessage>()).ErrorUri);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Register_error_fails_the_register_call()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampRegistration> register = client.RegisterAsync("com.x", (_, _) => default);
            RegisterMessage sent = await router.NextAsync<RegisterMessage>();
            router.Push($$"""[8, 64, {{sent.RequestId}}, {}, "wamp.error.procedure_already_exists"]""");
            var ex = await Assert.ThrowsAsync<WampException>(() => register.Within());
            Assert.Equal("wamp.error.procedure_already_exists", ex.ErrorUri);
        }
    }
}
