using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// A B12 story followed by a question whose subject is another named thing: a medicine, vitamin or test result the story
/// told. The question points back at it ("its", "that prescribed", "is that a big amount", "what might cause that"), so
/// it gets the scope statement; the same kinds of questions pointing back at B12 itself are still answered.
/// </summary>
public sealed class QuestionSubjectTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // "its" stands for the medicine, even before a subject of the content's own ("common side effects").
    [InlineData("my husband is on b12 shots. his heart doctor added metoprolol last week. what are its common side effects?")]
    // Before a participle the pointing word is the thing itself.
    [InlineData("i've been having b12 jabs since spring. my sister swears by melatonin for sleep. could i have that prescribed too?")]
    // "low" goes with the vitamin beside it, not with B12.
    [InlineData("i'm on b12 injections for pernicious anaemia. a recent test also showed low vitamin d and my gp wants me on 4000 iu daily. is that a big amount?")]
    // Another result told with its figure, asked about with a question of its own kind ("what might cause that").
    [InlineData("they checked my b12 and a full blood count last month, and my white cell count was 13. what might cause that?")]
    // Reflux and heartburn are conditions of their own; only the medicines for them bear on B12.
    [InlineData("i take b12 tablets every day. lately i get awful acid reflux at night. which drinks make reflux worse?")]
    // Antivirals, herbal remedies and gluten are other subjects too.
    [InlineData("my b12 shots are done by the practice nurse. how long does acyclovir take to clear up a cold sore?")]
    [InlineData("i get b12 injections monthly. is apple cider vinegar ok to drink every morning?")]
    // A skin spot and another test's price are other subjects as well.
    [InlineData("had my b12 jab today and the nurse spotted a dark mole on my shoulder. should i get moles looked at if they change shape?")]
    [InlineData("i've been on b12 injections for years. does the surgery do thyroid function tests, and how long do results take?")]
    // A shot word right after another medicine is that medicine's shot.
    [InlineData("i'm on b12 shots every month. are testosterone jabs given weekly or monthly?")]
    [InlineData("b12 injections are fine for me. how long does a contraceptive injection last?")]
    // Contraceptive pills, epilepsy medicines and blood-count results the content never speaks of are other subjects.
    [InlineData("i've had b12 jabs since may. does the mini pill make you put on weight?")]
    [InlineData("my b12 was fine on the full blood count but eosinophils came back at 0.9, is that bad?")]
    [InlineData("what side effects are common with the contraceptive pill")]
    [InlineData("i get b12 shots here. does trt have many side effects?")]
    [InlineData("b12 jabs every 12 weeks for me. what are the side effects of carbamazepine?")]
    // A dash joins the story and the question as a comma does.
    [InlineData("I have my B12 injections with you every month - what do you charge for a shingles vaccine?")]
    [InlineData("b12 jabs are going well – how much is a cholesterol check at your place?")]
    [InlineData("Nothing to do with my B12 - can too much zinc make you feel sick?")]
    // After "i'm on b12 jabs and", a turn of the visitor's own ("i'm wondering", "i want") asks apart from the story.
    [InlineData("i'm having b12 shots and wondering if a vitamin d injection would give me more energy?")]
    // A comma does it as "and" does.
    [InlineData("i'm having b12 injections, also wondering if a vitamin d injection would give me more energy?")]
    // B12 told as settled ("my b12 levels were fine") does not make the question a B12 one.
    [InlineData("my b12 levels were fine but my platelets are low, does that make you tired?")]
    // "from what age ..." asks as "what age ..." does; "hpv jab" is the vaccine's jab, not B12's.
    [InlineData("I get b12 jabs at your clinic. Quick question: from what age can children have the hpv jab?")]
    // How a condition the content names only as a cause is diagnosed asks about it ("its" written for "it's" points back).
    [InlineData("i get b12 injections for my anaemia. what is crohn's and how its diagnosed?")]
    [InlineData("my b12 jabs are every 3 months. how is coeliac disease diagnosed in adults?")]
    // An opening "as well as my b12 jabs" is a story of its own: the medicine told after it is what "it" stands for.
    [InlineData("As well as my B12 jabs I've been put on amlodipine, does it cause swollen ankles?")]
    // A shot word after another medicine is that medicine's shot: "those" points back at the medicine, not at B12.
    [InlineData("my b12 is done by injection. my partner wants to try semaglutide injections - are those safe long term?")]
    [InlineData("i have b12 shots. thinking about starting ozempic injections, what do those do?")]
    // A question asked as a wish to know ("i need to know how much ...") asks as plainly as a question does.
    [InlineData("Apart from my b12 shots, i'd really like to know what you charge for a blood pressure check")]
    [InlineData("as well as my b12 injections i need to know what you charge for a covid booster")]
    [InlineData("besides my b12 jabs i want to know how much a travel vaccine costs at your clinic")]
    public void A_question_about_another_thing_the_b12_story_named_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("i have b12 injections every 3 months. what are their side effects?", "side_effects")]
    [InlineData("my last b12 result came back at 1500. what could cause that?", "high_b12_result")]
    [InlineData("i'm on b12 jabs and also take sertraline. do they interact?", "medications")]
    [InlineData("Apart from my b12 shots, i'd really like to know what you charge for them", "cost")]
    [InlineData("does long term reflux medication lower b12?", "medications")]
    // "its" written for "it's" owns nothing: the question is still about the B12 result.
    [InlineData("my b12 result is above the top of the range and i also use a multivitamin. is it bad its so high?", "high_b12_result")]
    // A vaccine is one an answer is about: "my flu jab and b12 injection" asks about the two together.
    [InlineData("is it ok to get my covid booster and b12 injection on the same visit?", "cold_or_vaccine")]
    // A vaccine asked about with the shot ("interact with them") is the content's, as "on the same visit" is.
    [InlineData("I'm getting B12 shots. Does the shingles vaccine interact with them?", "cold_or_vaccine")]
    // After an opening "apart from my b12 injections", a question about B12 with the medicine is still the content's.
    [InlineData("Apart from my B12 injections I take metformin, could that lower my levels?", "medications")]
    // B12 told as settled, then asked about beside the other causes, is still the content's.
    [InlineData("My B12 came back normal but I still feel drained. Could anything other than B12 explain it?", "other_causes")]
    public void The_same_questions_pointing_back_at_b12_or_at_b12_with_another_medicine_are_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void Wanting_to_test_oneself_for_low_b12_starts_the_symptom_check()
    {
        var match = fixture.Match("i'd like to test myself for low b12 please");

        Assert.Equal(FaqMatchKind.StartWalkthrough, match.Kind);
    }

    [Fact]
    public void Asking_to_have_the_shot_spot_checked_is_not_sent_away()
    {
        var match = fixture.Match("had my b12 jab on monday and now the spot is red and itchy. can i get it checked?");

        Assert.NotEqual(FaqMatchKind.OutOfScope, match.Kind);
    }
}
