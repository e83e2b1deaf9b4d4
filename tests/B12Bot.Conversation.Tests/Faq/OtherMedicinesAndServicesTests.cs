using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 28: the side effects or dose of a medicine the content names only as a cause of low B12 (metformin, acid
/// reducers) asked for its own sake, and the price of a service no list names, get the scope statement; asked beside B12
/// they keep their answer. Also the symptom check asked for after a story or for someone else, and "what is this
/// assistant able to do".
/// </summary>
public sealed class OtherMedicinesAndServicesTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("My doctor said metformin is why my B12 dropped, fine. What are the other side effects of metformin though? I feel sick a lot.")]
    [InlineData("metformin can lower b12 i know. what else does metformin do to you, side effects wise?")]
    [InlineData("I understand omeprazole affects B12 absorption. But what side effects does omeprazole itself have?")]
    [InlineData("My B12 is low because of my omeprazole. How much omeprazole is the normal dose?")]
    [InlineData("My GP warned me metformin can drop my B12. Separately, does metformin have other side effects like tummy trouble?")]
    [InlineData("what side effects can omeprazole give you long term")]
    [InlineData("I'm on lansoprazole and B12 jabs. What's the usual dose of lansoprazole for reflux?")]
    [InlineData("b12 patient here. do you do microneedling and how much is it?")]
    [InlineData("I get my B12 jab with you every 3 months. What do you charge for a hydrafacial?")]
    [InlineData("how much are colonic irrigation sessions at your clinic?")]
    // after the second look: "is it normal?" pointing back at another medicine, a sick note
    [InlineData("I have b12 injections every month here. Another question: my felodipine is making my ankles puffy, is that normal?")]
    [InlineData("I get my b12 jabs here. my nifedipine has made my ankles swell up, is it normal?")]
    [InlineData("Had my jab today, all fine. Totally unrelated, could I get a sick note from you for work?")]
    public void Another_medicines_side_effects_or_another_services_price_get_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("does metformin lower b12", "medications")]
    [InlineData("I take metformin, can it cause a deficiency as a side effect?", "medications")]
    [InlineData("does the dose of metformin matter for my b12", "medications")]
    [InlineData("how much does a b12 top-up cost", "cost")]
    [InlineData("what does a private b12 jab cost with you", "cost")]
    [InlineData("im a student and skint, how much are your b12 shots? also can i book online somewhere?", "cost")]
    public void The_same_words_beside_b12_keep_their_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("My dad finds typing hard so I'm doing it for him - could we start the risk check?")]
    [InlineData("can you take me through the symptoms one at a time, I think my wife might be low")]
    [InlineData("been vegetarian for years, no supplements, always shattered. could you run that self-check thing with me?")]
    public void The_symptom_check_asked_for_someone_beside_them_starts_it(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.StartWalkthrough, match.Kind);
    }

    [Theory]
    [InlineData("Could you explain what this assistant is able to do?")]
    [InlineData("can you explain how to use this")]
    [InlineData("not sure how to use this, any tips please")]
    [InlineData("Can you explain what I'm able to ask you about")]
    public void What_the_assistant_is_able_to_do_asks_for_help(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Help, match.Command);
    }

    [Theory]
    [InlineData("ok let's leave it there, I'd rather not carry on")]
    [InlineData("exit the checklist po")]
    public void Leaving_the_check_there_cancels_it(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Theory]
    [InlineData("I started b12 jabs last week and my arm is sore, is it normal?", "sore_arm_days_later")]
    [InlineData("my b12 level came back at 900, is that normal?", "high_b12_result")]
    [InlineData("pt wants to know what b12 is actually for", "what_b12_does")]
    [InlineData("been feelin worse since startin my b12 jabs, is that normal??", "feeling_worse_at_start")]
    public void Is_it_normal_after_a_b12_story_and_what_b12_is_for_keep_their_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void Whether_it_is_a_doctor_and_where_its_answers_come_from_gets_the_about_answer()
    {
        var match = fixture.Match("hang on are u a real doctor?? where do ur answers come from");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("about_bot", match.Entry?.Id);
    }
}
