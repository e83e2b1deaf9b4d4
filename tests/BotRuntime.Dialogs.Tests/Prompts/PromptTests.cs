using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Tests.Prompts;

public sealed class PromptTests
{
    [Fact]
    public async Task Confirm_prompt_in_english_understands_casual_answers_and_numbers()
    {
        var options = PromptHarness.Question("Have you had a reaction before?", "Please answer yes or no.");
        await PromptHarness.Ask(new ConfirmPrompt("confirm"), options, DialogHarness.Adapter("sms"))
            .Test("start", "Have you had a reaction before? (1) Yes or (2) No")
            .Test("hmm", "Please answer yes or no. (1) Yes or (2) No")
            .Test("nope", "Got: False")
            .StartTestAsync();

        await PromptHarness.Ask(new ConfirmPrompt("confirm"), options, DialogHarness.Adapter("sms"))
            .Send("start").AssertReply(_ => { })
            .Test("1", "Got: True")
            .StartTestAsync();

        await PromptHarness.Ask(new ConfirmPrompt("confirm"), options, DialogHarness.Adapter("sms"))
            .Send("start").AssertReply(_ => { })
            .Test("👍", "Got: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_in_spanish_shows_si_no_and_understands_spanish()
    {
        var options = PromptHarness.Question("¿Ha tenido una reacción antes?");
        await PromptHarness.Ask(new ConfirmPrompt("confirm"), options, DialogHarness.Adapter("sms", locale: "es-es"))
            .Test("start", "¿Ha tenido una reacción antes? (1) Sí o (2) No")
            .Test("yes", "¿Ha tenido una reacción antes? (1) Sí o (2) No", "English is not Spanish")
            .Test("sí, por supuesto", "Got: True")
            .StartTestAsync();

        await PromptHarness.Ask(new ConfirmPrompt("confirm"), options, DialogHarness.Adapter("webchat", locale: "es-MX"))
            .Send("start")
            .AssertReply(reply => Assert.Equal(["Sí", "No"], reply.SuggestedActions!.Actions!.Select(a => a.Title)))
            .Test("no", "Got: False")
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_default_locale_applies_when_the_activity_has_none()
    {
        var adapter = DialogHarness.Adapter("sms");
        var flow = PromptHarness.Ask(new ConfirmPrompt("confirm", defaultLocale: "es-es"), PromptHarness.Question("¿Seguro?"), adapter);
        var start = adapter.MakeActivity("start");
        start.Locale = null;
        var answer = adapter.MakeActivity("sip");
        answer.Locale = null;
        adapter.Locale = null;

        await flow.Send(start).AssertReply("¿Seguro? (1) Sí o (2) No").Send(answer).AssertReply("Got: True").StartTestAsync();
    }

    [Fact]
    public async Task Custom_confirm_choices_are_shown_and_recognized()
    {
        var prompt = new ConfirmPrompt("confirm") { ConfirmChoices = (new Choice("Go ahead"), new Choice("Stop")) };
        await PromptHarness.Ask(prompt, PromptHarness.Question("Continue?"), DialogHarness.Adapter("sms"))
            .Test("start", "Continue? (1) Go ahead or (2) Stop")
            .Test("stop", "Got: False")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("42", "en-us", 42)]
    [InlineData("forty two", "en-us", 42)]
    [InlineData("I think 1,000", "en-us", 1000)]
    [InlineData("cuarenta y dos", "es-es", 42)]
    [InlineData("$20", "en-us", 20)]
    [InlineData("3 years old", "en-us", 3)]
    public async Task Number_prompt_reads_numbers_in_words_digits_and_units(string answer, string locale, int expected)
    {
        await PromptHarness.Ask(new NumberPrompt<int>("n"), PromptHarness.Question("How many?"), DialogHarness.Adapter(locale: locale))
            .Test("start", "How many?")
            .Test(answer, $"Got: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task Number_prompt_parses_decimals_in_the_users_culture()
    {
        await PromptHarness.Ask(new NumberPrompt<double>("n"), PromptHarness.Question("¿Cuánto?"), DialogHarness.Adapter(locale: "es-es"))
            .Test("start", "¿Cuánto?")
            .Test("2,5", "Got: 2.5")
            .StartTestAsync();
    }

    [Fact]
    public async Task Number_prompt_for_an_int_refuses_a_fraction()
    {
        await PromptHarness.Ask(new NumberPrompt<int>("n"), PromptHarness.Question("How many?", "A whole number, please."))
            .Test("start", "How many?")
            .Test("2.5", "A whole number, please.")
            .Test(new string('9', 5000), "A whole number, please.")
            .Test("two", "Got: 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Date_time_prompt_resolves_relative_to_the_users_local_time()
    {
        var adapter = DialogHarness.Adapter();
        var flow = PromptHarness.Ask(
            new DateTimePrompt("when"),
            PromptHarness.Question("When was your last injection?", "Tell me a date, like 'last Monday'."),
            adapter,
            describe: r => string.Join(" | ", ((IList<DateTimeResolution>)r!).Select(d => d.Value ?? $"{d.Start}..{d.End}")));
        var answer = adapter.MakeActivity("yesterday");
        answer.LocalTimestamp = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(-5));

        await flow
            .Test("start", "When was your last injection?")
            .Test("no idea", "Tell me a date, like 'last Monday'.")
            .Send(answer)
            .AssertReply("Got: 2025-03-09")
            .StartTestAsync();
    }

    [Fact]
    public async Task Date_time_prompt_uses_its_clock_when_the_channel_sends_no_local_time()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 2, 28, 12, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await PromptHarness.Ask(new DateTimePrompt("when", timeProvider: clock), PromptHarness.Question("When?"), describe: r => ((IList<DateTimeResolution>)r!)[0].Value!)
            .Test("start", "When?")
            .Test("tomorrow", "Got: 2024-02-29")
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_prompt_accepts_any_text_and_the_validator_can_refuse()
    {
        var prompt = new TextPrompt("name", (ctx, _) => Task.FromResult(ctx.Recognized.Value!.Trim().Length >= 2));
        await PromptHarness.Ask(prompt, PromptHarness.Question("Your name?", "At least two letters, please."))
            .Test("start", "Your name?")
            .Test("A", "At least two letters, please.")
            .Test("Al", "Got: Al")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompts_mark_their_questions_as_expecting_input_without_changing_an_explicit_hint()
    {
        var options = PromptHarness.Question("Your name?", "Again?");
        options.RetryPrompt!.InputHint = InputHints.AcceptingInput;
        await PromptHarness.Ask(new TextPrompt("name", (_, _) => Task.FromResult(false)), options)
            .Send("start")
            .AssertReply(reply => Assert.Equal(InputHints.ExpectingInput, reply.InputHint))
            .Send("x")
            .AssertReply(reply => Assert.Equal(InputHints.AcceptingInput, reply.InputHint))
            .StartTestAsync();
    }
}
