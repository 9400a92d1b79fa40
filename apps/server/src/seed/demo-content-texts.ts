/**
 * Words for the demo's conversations. Templates take `{mention}` (an @handle of someone who can read
 * the post), `{topic}`, `{space}`, `{record}` and `{n}`; the generator fills them in.
 */

export const TOPICS_BY_CATEGORY: Record<string, string[]> = {
  Departments: ['planning', 'hiring', 'okrs', 'process', 'tooling'],
  Offices: ['office-life', 'events', 'facilities', 'lunch', 'volunteering'],
  Projects: ['launch', 'roadmap', 'design', 'testing', 'retro'],
  Interests: ['running', 'books', 'photography', 'cooking', 'music'],
  Communities: ['how-to', 'feature-request', 'integrations', 'billing', 'release-notes'],
  Company: ['all-hands', 'strategy', 'wins', 'culture', 'benefits'],
};

export const UPDATES = [
  'Quick update from {space}: we wrapped up the first milestone this week. Thanks {mention} for pushing it over the line! #{topic}',
  'Draft is ready for review — comments welcome before Friday. #{topic}',
  "Sharing the notes from today's sync. Main decision: we ship the smaller scope first and iterate. #{topic}",
  'Half-baked idea: what if we ran the weekly review async in this space instead of a meeting? #{topic}',
  'Heads-up: the staging environment will be down for maintenance tomorrow 7–8am. #{topic}',
  'We just hit {n}% of the quarterly target. Great work everyone. #{topic} #wins',
  'Looking for a second pair of eyes on the rollout plan, {mention} could you take a look? #{topic}',
  'Retro takeaways: fewer handoffs, clearer owners, and demo early. #retro',
  'New template for project briefs is in the shared drive — use it for anything starting next month. #{topic}',
  'Reminder: please update your status in the tracker by end of day. #{topic}',
  'Customer call recap: they love the new dashboard, but exports are still too slow. #{topic}',
  'I wrote up how we handle escalations so new folks have one place to look. **Feedback welcome.** #{topic}',
  'Lunch-and-learn next Thursday on what we learned from the last launch. Bring questions! #{topic}',
  'The numbers from last week are in: {n} new sign-ups, churn flat, NPS up two points. #{topic}',
  'Three things I learned this sprint:\n\n1. Small PRs merge faster\n2. Pairing beats long threads\n3. Write the test first #{topic}',
];

export const QUESTIONS = [
  'Does anyone know who owns the vendor contract renewal for this? #{topic}',
  'What is the best way to request access to the analytics workspace? #{topic}',
  'Is there a checklist for onboarding a new team member into {space}? #{topic}',
  'How do we usually estimate work of this size — t-shirt sizes or points? #{topic}',
  "Where can I find last quarter's plan? The link in the wiki is broken. #{topic}",
  'Has anyone run a customer workshop remotely? Tips appreciated. #{topic}',
];

export const ANSWERS = [
  "It's in the shared drive under Planning → Archive.",
  'Ask in the IT portal, it usually takes a day. {mention} can speed it up if urgent.',
  'We use t-shirt sizes for anything bigger than a week.',
  'Yes! Keep it to 90 minutes and send the agenda ahead.',
  '{mention} owns it since last month.',
  'There is a checklist in the space guidelines — pinned at the top.',
];

export const COMMENTS = [
  'Great work!',
  'Thanks for sharing this.',
  '+1, agree with the approach.',
  'Can we talk about this in the next sync?',
  'Nice — {mention} you might want to see this.',
  'Love it. Let me know if I can help.',
  'Good point. What about the edge cases we saw last time?',
  'This is super helpful, bookmarking.',
  'Congrats team! 🎉',
  'I have a few thoughts, will add them to the doc.',
];

export const REPLIES = [
  'Agreed.',
  'Good question — let me check.',
  'Done, thanks!',
  'Same here.',
  'Will do.',
];

export const POLLS: Array<{ question: string; options: string[]; multiple?: boolean }> = [
  { question: 'Which day works best for the team offsite?', options: ['Tuesday', 'Wednesday', 'Thursday'] },
  {
    question: 'What should the next lunch-and-learn cover?',
    options: ['Security basics', 'Writing better docs', 'Our pricing', 'Data tools'],
    multiple: true,
  },
  { question: 'Keep the weekly sync?', options: ['Yes, as is', 'Yes, but shorter', 'Make it async'] },
  { question: 'Preferred format for release notes?', options: ['Email', 'Post in the community', 'Both'] },
];

export const PRAISE = [
  'Huge thanks for staying late to get the release out. You made the launch possible!',
  'For turning a tough customer escalation into a happy renewal.',
  'For mentoring the new hires with endless patience.',
  'For the brilliant idea that cut our build time in half.',
  'Always there to help — thank you for being such a great teammate.',
];

export const ANNOUNCEMENTS = [
  {
    title: 'Open enrollment for benefits starts Monday',
    body: 'Review your options in the HR portal before the end of the month. Questions? Ask in #benefits.',
    ack: true,
  },
  {
    title: 'New travel policy',
    body: 'The updated travel policy applies to every trip booked from next week. Please read it and acknowledge.',
    ack: true,
  },
  {
    title: 'Quarterly all-hands on Thursday',
    body: 'Join us at 4pm in the main hall or online. Agenda: results, roadmap and Q&A. #all-hands',
    ack: false,
  },
];

export const COMMUNITY_QUESTIONS = [
  'How do I export my reports to CSV? I can only find PDF. #{topic}',
  'Is there an API to sync users from our HR system? #{topic}',
  'Billing question: can we switch from monthly to annual mid-cycle? #{topic}',
  'The mobile app logs me out every day — is that expected? #{topic}',
  'Feature request: dark mode for the dashboard please! #{topic}',
  'Can I connect two workspaces to the same SSO provider? #{topic}',
  'What is the best practice for archiving old projects? #{topic}',
];

export const COMMUNITY_ANSWERS = [
  'Yes — go to Settings → Export and choose CSV. It is on every plan.',
  'There is a REST API and a SCIM endpoint; the docs have a step-by-step guide.',
  'You can switch any time; the remaining month is credited. Support can do it for you.',
  'That was a bug in 4.2, fixed in 4.3. Please update the app.',
  'Thanks for the request! It is on the roadmap for next quarter.',
  'We do the same: archive at the end of each quarter and keep a summary post.',
  'Works for us with Okta, two apps on the same tenant.',
];

export const RECORD_POSTS = [
  'Kickoff call done. Next step: technical deep-dive with their IT team. #{topic}',
  'Marketing has a case study draft for this one — {mention} can you check the numbers? #{topic}',
  'Pricing approved by finance. Sending the proposal today. #{topic}',
  'Webinar registrations are at {n}, ahead of plan. #{topic}',
  'They asked for references in healthcare — anyone have a happy customer we can connect them with? #{topic}',
  'Renewal risk: usage dropped last month. Scheduling a success review. #{topic}',
  'Closed! Thanks to everyone in sales and marketing who helped. #{topic} #wins',
];
