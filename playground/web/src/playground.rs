//! One playground: an editor, the run controls, and what the run looks like
//! at the current position — the G/M/P board, its text twins, the console
//! and the verdict.
//!
//! The editor is CodeMirror ([`editor`]), created into a `NodeRef` after the
//! first render; it owns its DOM and tells the component of every edit
//! (`Msg::Edit`). The component sends it the compile errors of a run and the
//! line to highlight: the picked goroutine's, else the current event's.
//!
//! Run hands the program to the engine as a [`Run`], advanced a few
//! milliseconds at a time from a zero-delay timeout so the page keeps
//! answering: while it runs, the position follows its latest event and Stop
//! ends it where it is (so does editing the program; Run again starts
//! afresh). The playground holds the run and a position in its event
//! stream, and shows the fold of the events up to that position
//! ([`Moment`]) and the timeline of the whole run ([`Timeline`]).
//! Stepping, the slider, the timeline and Play only move the position.
//!
//! Share puts the program and the run's schedule in a link ([`share`]);
//! the full-page playground opened with such a link restores and runs
//! them.

use crate::board;
use crate::dump;
use crate::futures::{self, Choices, Futures};
use crate::goal::{Goal, Said};
use crate::gpanel;
use crate::editor::{self, Editor};
use crate::messages::{self, Messages};
use crate::moment::Moment;
use crate::runner::{FIRST_SLICE_MS, Run, SLICE_MS, Stopped, virtual_time};
use crate::share;
use crate::timeline::{self, Timeline};
use gloo_timers::callback::{Interval, Timeout};
use gmp_engine::event::GoId;
use gmp_engine::{Pick, RunConfig, SourceFile, Strategy};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PlaygroundProps {
    pub source: AttrValue,
    pub file_name: AttrValue,
    #[prop_or_default]
    pub exercise: Option<AttrValue>,
    /// The full-page playground (which reads share links), not one in a
    /// book page (which links to it).
    #[prop_or_default]
    pub full_page: bool,
    /// The goal the page sets for picking the schedule (`data-goal`:
    /// `deadlock`, `leak`, `output:TEXT` or `lost-update`, see
    /// [`Goal::parse`]).
    #[prop_or_default]
    pub goal: Option<AttrValue>,
}

/// Play speeds, in events per second.
const SPEEDS: [u32; 6] = [1, 4, 16, 64, 256, 1024];
const DEFAULT_SPEED: u32 = 4;
/// GOMAXPROCS the page offers.
const MAX_PROCS: u32 = 8;

pub enum Msg {
    Edit(String),
    /// Run the program and show its end.
    Run,
    /// Advance a running run by one slice.
    Slice,
    /// End the running run where it is.
    Stop,
    Step,
    StepBack,
    RunToEnd,
    /// Back to the start: before the first event.
    Reset,
    Seek(usize),
    /// The reader zoomed, panned, clicked or hovered on the timeline.
    Timeline(timeline::Action),
    TogglePlay,
    Tick,
    Speed(u32),
    Procs(u32),
    Seed(u64),
    /// The race detector on or off (Go's `-race`).
    Race(bool),
    NewSeed,
    /// The code editor could not be created: fall back to a textarea.
    NoEditor,
    /// A goroutine clicked on the board or in the Goroutines list: pick
    /// it, or drop it if it was picked.
    Pick(GoId),
    /// The reader clicked an output line: highlight the line that wrote it.
    PickLine(u32),
    /// What else can happen from the current position?
    WhatIf,
    /// Run the future at this index of the answer.
    Follow(usize),
    /// Be the scheduler: show the ways on from the position.
    Choose,
    /// Take the next step at this index of the choices.
    PickStep(usize),
    /// Stop being the scheduler.
    QuitChoosing,
    /// Close the comparison with the run before a followed future.
    CloseBefore,
    /// The reader opened or closed Go's goroutine dump.
    DumpOpen(bool),
    /// The reader chose a goal for the schedule (none, or `deadlock`,
    /// `leak`, `output`, `lost-update`).
    Goal(String),
    /// The output an `output` goal aims for.
    GoalText(String),
    /// Make a link to the program and the schedule, show it, copy it.
    Share,
    /// Whether the clipboard took the link.
    Copied(bool),
}

/// The link Share made, and whether it is on the clipboard (`None` while
/// the browser decides).
struct Shared {
    url: String,
    copied: Option<bool>,
}

pub struct Playground {
    source: String,
    procs: u32,
    seed: u64,
    /// The rest of the schedule, as a share link gave it; the reader's own
    /// GOMAXPROCS or seed resets them.
    strategy: Strategy,
    picks: Vec<Pick>,
    /// Runs with Go's race detector (`-race`).
    race: bool,
    /// What the reader, as the scheduler, aims for; the page's, a link's
    /// or their own.
    goal: Option<Goal>,
    /// Why the page's `data-goal` could not be read.
    goal_error: Option<String>,
    run: Option<Run>,
    moment: Moment,
    timeline: Timeline,
    /// The stretch of the run the timeline shows.
    viewport: timeline::Viewport,
    /// The run's channel messages, folded as it goes.
    messages: Messages,
    /// Set while the run runs: the next slice. Dropping it stops the run.
    slicer: Option<Timeout>,
    /// While the run runs, the position follows its latest event (Run, Run
    /// to end), or stays where Step or Play put it.
    follow: bool,
    speed: u32,
    /// Set while playing: dropping it stops the animation.
    player: Option<Interval>,
    /// The goroutine the reader picked: the editor follows its line.
    picked: Option<GoId>,
    /// Whether Go's goroutine dump is open (it is rebuilt only then).
    dump_open: bool,
    /// The source line an output line was written at, picked by the reader.
    picked_line: Option<u32>,
    /// The futures from a position, once asked for.
    futures: Option<Futures>,
    /// The run before the reader followed another future: "what if",
    /// its timeline beside the new one's.
    before: Option<Before>,
    /// The ways on from the position while the reader is the scheduler.
    choices: Option<Choices>,
    /// Ask for the next choices once a picked step's run is in place.
    choosing_after: bool,
    /// Where to put the position once the run has that many events (a
    /// followed future: where its path left the one before).
    seek_to: Option<usize>,
    /// Where the code editor goes, and the editor once created.
    editor_host: NodeRef,
    editor: Option<Editor>,
    /// A plain textarea instead of the code editor, only when the editor's
    /// bundle did not load (or its editor could not be created).
    plain: bool,
    /// Run once the editor is up: the page was opened with a share link.
    run_on_load: bool,
    /// Why the page's share link could not be read.
    link_error: Option<String>,
    shared: Option<Shared>,
    /// The text field showing the shared link, and whether to select it
    /// (the clipboard refused it) after the next render.
    link_field: NodeRef,
    select_link: bool,
}

impl Component for Playground {
    type Message = Msg;
    type Properties = PlaygroundProps;

    fn create(ctx: &Context<Self>) -> Self {
        let mut playground = Playground {
            source: ctx.props().source.to_string(),
            procs: 1,
            seed: 1,
            strategy: Strategy::default(),
            picks: Vec::new(),
            race: false,
            goal: None,
            goal_error: None,
            run: None,
            moment: Moment::start(1),
            timeline: Timeline::new(1),
            viewport: timeline::Viewport::default(),
            messages: Messages::default(),
            slicer: None,
            follow: true,
            speed: DEFAULT_SPEED,
            player: None,
            picked: None,
            dump_open: false,
            picked_line: None,
            futures: None,
            before: None,
            choices: None,
            choosing_after: false,
            seek_to: None,
            editor_host: NodeRef::default(),
            editor: None,
            plain: !editor::available(),
            run_on_load: false,
            link_error: None,
            shared: None,
            link_field: NodeRef::default(),
            select_link: false,
        };
        match ctx.props().goal.as_deref().map(Goal::parse) {
            Some(Ok(goal)) => playground.goal = Some(goal),
            Some(Err(why)) => playground.goal_error = Some(format!("This playground's goal is not valid: {why}.")),
            None => {}
        }
        if ctx.props().full_page {
            match share::parse(&share::page_fragment()) {
                Some(Ok(link)) => {
                    playground.source = link.source;
                    playground.procs = link.schedule.procs;
                    playground.seed = link.schedule.seed;
                    playground.strategy = link.schedule.strategy;
                    playground.picks = link.schedule.picks;
                    playground.race = link.race;
                    playground.goal = link.goal.or(playground.goal);
                    playground.run_on_load = true;
                }
                Some(Err(err)) => playground.link_error = Some(err.to_string()),
                None => {}
            }
        }
        playground
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render && !self.plain {
            self.create_editor(ctx);
        }
        if first_render && self.run_on_load {
            ctx.link().send_message(Msg::Run);
        }
        if std::mem::take(&mut self.select_link) {
            if let Some(field) = self.link_field.cast::<HtmlInputElement>() {
                let _ = field.focus();
                field.select();
            }
        }
        let line = self.highlighted_line();
        if let Some(editor) = &mut self.editor {
            editor.highlight(line);
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edit(text) => {
                // The editor already shows it; the "edited" hint and the
                // "Open in full page" link change, and a link Share made
                // no longer is this program's.
                self.source = text;
                self.shared = None;
                // A run of the old text stops.
                if self.running() {
                    self.stop(Stopped::Edited);
                }
            }
            Msg::Run => {
                self.before = None;
                // The click's task compiles and draws the run before its
                // first event; the first slice is the next task's, so the
                // click's task (with the page's layout) stays short.
                self.start_run(ctx, true);
                self.schedule_slice(ctx);
            }
            Msg::Slice => self.slice(ctx, SLICE_MS),
            Msg::Stop => self.stop(Stopped::ByReader),
            Msg::Step => {
                if self.run.is_none() {
                    self.run_program(ctx, false);
                }
                self.pause();
                self.seek(self.moment.pos + 1);
            }
            Msg::StepBack => {
                self.pause();
                self.seek(self.moment.pos.saturating_sub(1));
            }
            Msg::RunToEnd => {
                if self.run.is_none() {
                    self.run_program(ctx, true);
                }
                self.pause();
                self.seek(usize::MAX);
            }
            Msg::Reset => {
                self.pause();
                self.seek(0);
            }
            Msg::Seek(pos) => {
                self.pause();
                self.seek(pos);
            }
            Msg::Timeline(action) => {
                let Some(run) = &self.run else { return false };
                let effect = self.viewport.act(action, run.virtual_ns(), self.now_ns());
                // The position moves once the run has ended, as Step does.
                let Some(ns) = effect.seek.filter(|_| !run.running()) else {
                    return effect.redraw;
                };
                // The last event at or before the time.
                let pos = run.events().partition_point(|e| e.time_ns <= ns);
                if pos == self.moment.pos && !effect.redraw {
                    return false;
                }
                self.pause();
                self.seek(pos);
            }
            Msg::TogglePlay => {
                if self.player.is_some() {
                    self.pause();
                } else {
                    if self.run.is_none() {
                        self.run_program(ctx, false);
                        self.seek(0);
                    }
                    if self.at_end() {
                        self.seek(0);
                    }
                    self.play(ctx);
                }
            }
            Msg::Tick => {
                let (_, per_tick) = play_rate(self.speed);
                self.seek(self.moment.pos + per_tick);
                if self.at_end() {
                    self.pause();
                }
            }
            Msg::Speed(speed) => {
                self.speed = speed;
                if self.player.is_some() {
                    self.play(ctx);
                }
                return false;
            }
            Msg::Race(on) => {
                self.race = on;
                self.rerun(ctx);
            }
            Msg::Procs(procs) => {
                self.procs = procs.clamp(1, MAX_PROCS);
                self.own_schedule();
                self.rerun(ctx);
            }
            Msg::Seed(seed) => {
                self.seed = seed;
                self.own_schedule();
                self.rerun(ctx);
            }
            Msg::NewSeed => {
                self.seed = (js_sys::Math::random() * 1_000_000.0) as u64;
                self.own_schedule();
                self.rerun(ctx);
            }
            Msg::Goal(kind) => {
                self.shared = None;
                let watched = Goal::watches_lost_updates(self.goal.as_ref());
                self.goal = match kind.as_str() {
                    "output" => Some(Goal::Output(match self.goal.take() {
                        Some(Goal::Output(text)) => text,
                        _ => String::new(),
                    })),
                    other => Goal::parse(other).ok(),
                };
                // The run on show was not watched for lost updates (or
                // need not be): the same schedule again, watched or not.
                if Goal::watches_lost_updates(self.goal.as_ref()) != watched {
                    self.rerun(ctx);
                }
            }
            Msg::GoalText(text) => {
                self.shared = None;
                self.goal = Some(Goal::Output(text));
            }
            Msg::Share => {
                let url = self.share_url(ctx);
                if ctx.props().full_page {
                    share::show_in_address_bar(&url);
                }
                self.shared = Some(Shared { url: url.clone(), copied: None });
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    link.send_message(Msg::Copied(share::copy(&url).await));
                });
            }
            Msg::Copied(copied) => {
                if let Some(shared) = &mut self.shared {
                    shared.copied = Some(copied);
                    self.select_link = !copied;
                }
            }
            Msg::NoEditor => self.plain = true,
            Msg::Pick(g) => {
                self.picked_line = None;
                self.picked = if self.picked == Some(g) { None } else { Some(g) };
            }
            Msg::PickLine(line) => {
                // The selected goroutine stays selected: its panel links here too.
                self.picked_line = if self.picked_line == Some(line) { None } else { Some(line) };
            }
            Msg::DumpOpen(open) => self.dump_open = open,
            Msg::WhatIf => {
                if let Some(run) = &self.run {
                    let pos = self.moment.pos;
                    self.futures = Some(Futures { pos, found: run.futures(pos, futures::SCHEDULES) });
                }
            }
            Msg::Choose => self.ask_choices(),
            Msg::QuitChoosing => self.choices = None,
            Msg::CloseBefore => self.before = None,
            Msg::PickStep(i) => {
                let Some(Choices { next: Ok(next) }) = &self.choices else { return true };
                let Some(o) = next.options.get(i) else { return true };
                let (to, schedule) = (o.event + 1, o.schedule.clone());
                self.take_schedule(schedule);
                self.run_program(ctx, false);
                self.choosing_after = true;
                self.seek_to = Some(to);
                self.apply_seek_to();
            }
            Msg::Follow(i) => {
                let Some(Futures { pos, found: Ok(found) }) = &self.futures else { return true };
                let Some(f) = found.outcomes.get(i) else { return true };
                let (pos, schedule) = (*pos, f.schedule.clone());
                self.take_schedule(schedule);
                if let Some(run) = self.run.take() {
                    self.before = Some(Before {
                        run,
                        timeline: std::mem::replace(&mut self.timeline, Timeline::new(self.procs)),
                        messages: std::mem::take(&mut self.messages),
                        fork: pos,
                    });
                }
                self.run_program(ctx, false);
                self.seek_to = Some(pos);
                self.apply_seek_to();
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let props = ctx.props();
        let on_input = link.callback(|e: InputEvent| Msg::Edit(e.target_unchecked_into::<HtmlTextAreaElement>().value()));
        // Ctrl-Enter (Cmd-Enter on a Mac) runs, from anywhere in the widget.
        let on_key = link.batch_callback(|e: KeyboardEvent| {
            (e.key() == "Enter" && (e.ctrl_key() || e.meta_key())).then(|| {
                e.prevent_default();
                Msg::Run
            })
        });
        let lines = self.source.lines().count().max(3) + 1;
        html! {
            <div class="gmp-widget" onkeydown={on_key}>
                <div class="gmp-toolbar">
                    <span class="gmp-file">{ props.file_name.clone() }</span>
                    if let Some(slug) = &props.exercise {
                        <span class="gmp-exercise">{ format!("exercise: {slug}") }</span>
                    }
                    { self.settings(ctx) }
                    <button class="gmp-run" onclick={link.callback(|_| Msg::Run)}
                        title="Run the program (Ctrl-Enter)">{ "Run" }</button>
                    <button class="gmp-stop" onclick={link.callback(|_| Msg::Stop)} disabled={!self.running()}
                        title="Stop the running program where it is">{ "Stop" }</button>
                    <button class="gmp-share-button" onclick={link.callback(|_| Msg::Share)}
                        title="A link to this program, GOMAXPROCS and schedule">{ "Share" }</button>
                    if !props.full_page {
                        <a class="gmp-open-full" href={self.share_url(ctx)}>{ "Open in full page" }</a>
                    }
                </div>
                if let Some(err) = &self.link_error {
                    <div class="gmp-link-error" role="alert">{ err.clone() }</div>
                }
                { self.shared_link() }
                if self.plain {
                    <textarea class="gmp-editor gmp-plain" aria-label="Go source" spellcheck="false"
                        rows={lines.to_string()} value={self.source.clone()} oninput={on_input} />
                } else {
                    <div class="gmp-editor" ref={self.editor_host.clone()} />
                }
                { self.transport(ctx) }
                if let Some(run) = &self.run {
                    { self.watch(ctx, run) }
                }
            </div>
        }
    }
}

/// The run before the reader followed another future.
struct Before {
    run: Run,
    timeline: Timeline,
    messages: Messages,
    /// The position the two runs part at (their events agree before it).
    fork: usize,
}

impl Before {
    /// Its timeline under the new run's, over the same stretch of time,
    /// marked at the fork: the two runs side by side.
    /// Zooming or panning either timeline moves both (`on_act`).
    fn view(&self, viewport: &timeline::Viewport, on_act: Callback<timeline::Action>, on_close: Callback<MouseEvent>) -> Html {
        let ending = self.run.outcome().map(|o| gmp_engine::explore::Ending::of(o).to_string()).unwrap_or_else(|| "had not ended".into());
        let fork_ns = self.run.time_at(self.fork);
        let output = self.run.outcome().map(|o| o.stdout.trim_end().to_string()).unwrap_or_default();
        html! {
            <section class="gmp-before" aria-label="Before the fork">
                <div class="gmp-before-head">
                    <strong>{ format!("What if: the run before you followed another future from event {}", self.fork) }</strong>
                    { format!(" · it {ending}") }
                    <button type="button" onclick={on_close}>{ "Close the comparison" }</button>
                </div>
                { timeline::view("Timeline before the fork", &self.timeline, &self.messages, viewport, &self.run, self.fork, fork_ns, on_act) }
                if !output.is_empty() {
                    <pre class="gmp-before-output" aria-label="Its output">{ output }</pre>
                }
            </section>
        }
    }
}

impl Playground {
    /// Starts a run of the program (dropping the one before) and gives it
    /// its first slice: a short program has ended when this returns.
    /// `follow`: the position follows the run's latest event.
    fn run_program(&mut self, ctx: &Context<Self>, follow: bool) {
        self.start_run(ctx, follow);
        self.slice(ctx, FIRST_SLICE_MS);
    }

    /// Compiles the program and starts its run, with no slice run yet.
    fn start_run(&mut self, ctx: &Context<Self>, follow: bool) {
        self.pause();
        self.picked_line = None;
        self.slicer = None;
        let name = ctx.props().file_name.to_string();
        let config = self.config();
        let file = SourceFile::new(name.clone(), self.source.clone());
        let (run, markers) = match gmp_engine::compile(&name, &self.source) {
            Ok(program) => (Run::start(&program, &config, file), Vec::new()),
            Err(err) => (Run::not_compiled(&err, &config, file), editor::markers(&err)),
        };
        if let Some(editor) = &self.editor {
            editor.set_markers(&markers);
        }
        self.run = Some(run);
        self.moment = Moment::start(self.procs);
        self.timeline = Timeline::new(self.procs);
        self.viewport = timeline::Viewport::default();
        self.messages = Messages::default();
        self.follow = follow;
        self.futures = None;
        self.choices = None;
        self.seek_to = None;
        self.choosing_after = false;
    }

    /// The next slice, in a task of its own.
    fn schedule_slice(&mut self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        self.slicer = Some(Timeout::new(0, move || link.send_message(Msg::Slice)));
    }

    /// Runs from now on with `schedule` (a future's, a picked step's).
    fn take_schedule(&mut self, schedule: gmp_engine::Schedule) {
        self.procs = schedule.procs;
        self.seed = schedule.seed;
        self.strategy = schedule.strategy;
        self.picks = schedule.picks;
        self.shared = None;
    }

    /// The ways on from the current position (the reader is the scheduler).
    fn ask_choices(&mut self) {
        if let Some(run) = &self.run {
            let pos = self.moment.pos;
            self.choices = Some(Choices { next: run.next_steps(pos, futures::STEP_SCHEDULES) });
        }
    }

    /// Puts the position where `seek_to` says once the run got there (or
    /// ended short of it).
    fn apply_seek_to(&mut self) {
        let (Some(run), Some(to)) = (&self.run, self.seek_to) else { return };
        if run.len() >= to || !run.running() {
            self.moment.seek(run, to);
            self.seek_to = None;
            if std::mem::take(&mut self.choosing_after) && !run.running() {
                self.ask_choices();
            }
        }
    }

    /// Advances the running run by one slice of about `ms` milliseconds,
    /// folds its new events into the timeline (and the position, when
    /// following), and schedules the next slice while it runs.
    fn slice(&mut self, ctx: &Context<Self>, ms: f64) {
        self.slicer = None;
        let Some(run) = &mut self.run else {
            return;
        };
        let going = run.slice(ms);
        self.timeline.extend(run.events());
        self.messages.extend(run.events());
        if self.follow {
            self.moment.seek(run, usize::MAX);
        }
        self.apply_seek_to();
        if going {
            self.schedule_slice(ctx);
        } else if let (Some(run), Some(editor)) = (&self.run, &self.editor)
            && let Some(out) = run.outcome().filter(|o| !o.races.is_empty())
        {
            // `-race` found races: both accesses of each, marked.
            editor.set_markers(&editor::race_markers(&run.file, &out.races));
        }
    }

    fn running(&self) -> bool {
        self.run.as_ref().is_some_and(Run::running)
    }

    /// Stop, or an edit: the run ends where it is, showing its last event.
    fn stop(&mut self, why: Stopped) {
        self.slicer = None;
        if let Some(run) = &mut self.run {
            run.stop(why);
            self.timeline.extend(run.events());
            self.messages.extend(run.events());
        }
        self.pause();
        self.seek(usize::MAX);
    }

    fn create_editor(&mut self, ctx: &Context<Self>) {
        let Some(host) = self.editor_host.cast::<web_sys::Element>() else {
            return;
        };
        let edit = ctx.link().callback(Msg::Edit);
        let run = ctx.link().callback(|()| Msg::Run);
        match Editor::new(&host, &self.source, move |text| edit.emit(text), move || run.emit(())) {
            Ok(editor) => self.editor = Some(editor),
            Err(err) => {
                web_sys::console::error_2(&"the code editor failed; using a plain textarea:".into(), &err);
                ctx.link().send_message(Msg::NoEditor);
            }
        }
    }

    /// The line the editor highlights: the picked goroutine's while it is
    /// alive (its innermost frame in the program, else where it last did
    /// something, else its `go` statement), else the current event's.
    fn highlighted_line(&self) -> Option<u32> {
        let run = self.run.as_ref()?;
        if let Some(line) = self.picked_line {
            return Some(line);
        }
        let m = &self.moment;
        self.picked.and_then(|g| gpanel::current_line(run, m, g)).or_else(|| run.line_before(m.pos))
    }

    /// The run's configuration: the schedule, the browser's limits.
    fn config(&self) -> RunConfig {
        RunConfig {
            seed: self.seed,
            procs: self.procs,
            strategy: self.strategy,
            picks: self.picks.clone(),
            race: self.race,
            lost_updates: Goal::watches_lost_updates(self.goal.as_ref()),
            ..browser_run_config()
        }
    }

    /// The reader set GOMAXPROCS or the seed: the schedule is theirs now,
    /// not a link's.
    fn own_schedule(&mut self) {
        self.strategy = Strategy::default();
        self.picks.clear();
        self.shared = None;
    }

    /// The full-page playground's URL with this program and schedule.
    fn share_url(&self, ctx: &Context<Self>) -> String {
        let goal = self.goal.as_ref().filter(|g| **g != Goal::Output(String::new()));
        let fragment = share::fragment(&self.source, &self.config().schedule(), self.race, goal);
        format!("{}#{fragment}", share::full_page_url(ctx.props().full_page))
    }

    /// The link Share made, in a field a reader can copy from.
    fn shared_link(&self) -> Html {
        let Some(shared) = &self.shared else {
            return html! {};
        };
        let status = match shared.copied {
            Some(true) => "Copied to the clipboard.",
            Some(false) => "Select the link and copy it (Ctrl-C).",
            None => "",
        };
        let select = Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select());
        html! {
            <div class="gmp-share">
                <label>{ "Link to this program and run " }
                    <input type="text" class="gmp-share-link" readonly=true value={shared.url.clone()}
                        ref={self.link_field.clone()} onfocus={select} /></label>
                <span class="gmp-share-status" aria-live="polite">{ status }</span>
            </div>
        }
    }

    /// The goal for picking the schedule: its choice, and whether the run
    /// on show reached it.
    fn goal_view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let kind = match &self.goal {
            None => "",
            Some(Goal::Deadlock) => "deadlock",
            Some(Goal::Leak) => "leak",
            Some(Goal::Output(_)) => "output",
            Some(Goal::LostUpdate) => "lost-update",
        };
        let options = [
            ("", "none"),
            ("deadlock", "reach a deadlock"),
            ("leak", "leave a goroutine leaked"),
            ("output", "print an output"),
            ("lost-update", "lose an update"),
        ]
        .map(|(v, text)| html! { <option value={v} selected={v == kind}>{ text }</option> });
        let on_kind = link.callback(|e: Event| Msg::Goal(e.target_unchecked_into::<HtmlSelectElement>().value()));
        let on_text = link.callback(|e: InputEvent| Msg::GoalText(e.target_unchecked_into::<HtmlInputElement>().value()));
        let text = |t: String| vec![Said::Text(t)];
        let status = match (&self.goal, &self.run) {
            (None, _) => Vec::new(),
            (Some(Goal::Output(aim)), _) if aim.is_empty() => text("Type the output to aim for.".to_string()),
            (Some(goal), None) => text(format!("Goal: {}. Run, then pick the next steps that get there.", goal.describe())),
            (Some(_), Some(run)) if run.running() => Vec::new(),
            (Some(goal), Some(run)) => match run.outcome() {
                None => text("Goal not reached: the run was stopped.".to_string()),
                Some(out) => match goal.check(out, &run.file) {
                    Ok(how) => [Said::Text("Goal reached: ".to_string())].into_iter().chain(how).collect(),
                    Err(how) => text(format!("Goal not reached: {how}. Pick the next steps to steer it.")),
                },
            },
        };
        let reached = matches!(status.first(), Some(Said::Text(t)) if t.starts_with("Goal reached"));
        // A line of the program links into the editor (the click handler
        // reads `data-line`), as in the goroutine panel.
        let status = status.into_iter().map(|s| match (s, &self.run) {
            (Said::Line(l), Some(run)) => gpanel::link(run, l),
            (Said::Line(l), None) => html! { { l } },
            (Said::Text(t), _) => html! { { t } },
        });
        html! {
            <div class="gmp-goal" onclick={self.on_pick(ctx)}>
                <label title="What you, as the scheduler, aim for: the page says when the run on show gets there">{ "Goal " }
                    <select class="gmp-goal-kind" onchange={on_kind}>{ for options }</select></label>
                if let Some(Goal::Output(text)) = &self.goal {
                    <label>{ " Output " }<input type="text" class="gmp-goal-output" value={text.clone()} oninput={on_text} /></label>
                }
                <span class={classes!("gmp-goal-status", reached.then_some("gmp-goal-reached"))} aria-live="polite">{ for status }</span>
                if let Some(err) = &self.goal_error {
                    <div class="gmp-link-error" role="alert">{ err.clone() }</div>
                }
            </div>
        }
    }

    /// A new GOMAXPROCS or seed: run again if a run is on show.
    fn rerun(&mut self, ctx: &Context<Self>) {
        if self.run.is_some() {
            self.run_program(ctx, true);
        }
    }

    fn seek(&mut self, pos: usize) {
        // Moving through the run gives the highlight back to its events.
        self.picked_line = None;
        if let Some(run) = &self.run {
            self.moment.seek(run, pos);
        }
    }

    /// The virtual time of the position: its latest event's.
    fn now_ns(&self) -> u64 {
        self.run.as_ref().map_or(0, |r| r.time_at(self.moment.pos))
    }

    /// At the last event of a run that no longer runs.
    fn at_end(&self) -> bool {
        self.run.as_ref().is_none_or(|r| !r.running() && self.moment.pos >= r.len())
    }

    fn play(&mut self, ctx: &Context<Self>) {
        let (period, _) = play_rate(self.speed);
        let link = ctx.link().clone();
        self.player = Some(Interval::new(period, move || link.send_message(Msg::Tick)));
    }

    fn pause(&mut self) {
        self.player = None;
    }

    /// GOMAXPROCS, the seed and "new seed".
    fn settings(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let on_procs = link.batch_callback(|e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            v.trim().parse::<u32>().ok().filter(|p| (1..=MAX_PROCS).contains(p)).map(Msg::Procs)
        });
        let on_seed = link.batch_callback(|e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            v.trim().parse::<u64>().ok().map(Msg::Seed)
        });
        html! {
            <span class="gmp-settings">
                <label>{ "GOMAXPROCS " }
                    <input type="number" class="gmp-procs" min="1" max={MAX_PROCS.to_string()}
                        value={self.procs.to_string()} onchange={on_procs} /></label>
                <label>{ "Seed " }
                    <input type="number" class="gmp-seed" min="0" value={self.seed.to_string()} onchange={on_seed} /></label>
                <button class="gmp-new-seed" onclick={link.callback(|_| Msg::NewSeed)}>{ "new seed" }</button>
                <label title="Go's race detector (go run -race): reports unsynchronised accesses to shared memory">
                    <input type="checkbox" class="gmp-race" checked={self.race}
                        onchange={link.callback(|e: Event| Msg::Race(e.target_unchecked_into::<HtmlInputElement>().checked()))} />
                    { " -race" }</label>
            </span>
        }
    }

    /// Step back, Step, Play/Pause, Run to end, Reset, the speed, the
    /// position slider and where it stands.
    fn transport(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let len = self.run.as_ref().map_or(0, |r| r.len());
        let pos = self.moment.pos;
        let playing = self.player.is_some();
        // While the run runs the position is its; stepping waits for the end.
        let running = self.running();
        let on_seek = link.callback(|e: InputEvent| {
            Msg::Seek(e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(0))
        });
        let on_speed = link.batch_callback(|e: Event| {
            e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok().map(Msg::Speed)
        });
        let speeds = SPEEDS.iter().map(|&s| {
            html! { <option value={s.to_string()} selected={s == self.speed}>{ format!("{s} events/s") }</option> }
        });
        let (where_, now) = match &self.run {
            Some(run) => {
                let time = pos.checked_sub(1).map_or(0, |i| run.events()[i].time_ns);
                let now = pos.checked_sub(1).map(|i| {
                    let ev = &run.events()[i];
                    match ev.pos {
                        Some(at) => format!("{} · {}", run.line_of(at), ev.kind),
                        None => ev.kind.to_string(),
                    }
                });
                let at = format!("event {pos} of {len} · {}", virtual_time(time));
                (format!("{at} · GOMAXPROCS {}, seed {}", run.procs, run.seed), now)
            }
            None => ("not run yet".to_string(), None),
        };
        let stale = self.run.as_ref().is_some_and(|r| r.file.text != self.source);
        html! {
            <div class="gmp-transport">
                <div class="gmp-buttons">
                    <button onclick={link.callback(|_| Msg::Reset)} disabled={running || pos == 0}>{ "Reset" }</button>
                    <button onclick={link.callback(|_| Msg::StepBack)} disabled={running || pos == 0}>{ "Step back" }</button>
                    <button onclick={link.callback(|_| Msg::Step)} disabled={running || (self.run.is_some() && pos >= len)}>{ "Step" }</button>
                    <button class="gmp-play" onclick={link.callback(|_| Msg::TogglePlay)} disabled={running}>
                        { if playing { "Pause" } else { "Play" } }</button>
                    <button onclick={link.callback(|_| Msg::RunToEnd)} disabled={running || (self.run.is_some() && pos >= len)}>{ "Run to end" }</button>
                    <label>{ "Speed " }<select onchange={on_speed}>{ for speeds }</select></label>
                    <button class="gmp-whatif" onclick={link.callback(|_| Msg::WhatIf)} disabled={running || self.run.is_none()}
                        title="Fork the run here: what else can happen from this moment, under schedules that keep its past">
                        { "What else can happen from here?" }</button>
                    <button class="gmp-choose" onclick={link.callback(|_| Msg::Choose)} disabled={running || self.run.is_none()}
                        title="You are the scheduler: pick each next step among the ways Go allows">
                        { "Pick the next step" }</button>
                </div>
                { self.goal_view(ctx) }
                <div class="gmp-position">
                    <input type="range" aria-label="Position" min="0" max={len.to_string()} value={pos.to_string()}
                        disabled={self.run.is_none() || running} oninput={on_seek} />
                    <span class="gmp-where" aria-live={if running { "off" } else { "polite" }}>{ where_ }</span>
                </div>
                if let Some(run) = self.run.as_ref().filter(|r| r.running()) {
                    <div class="gmp-running">{ format!("still running… {} events", board::group_digits(run.len())) }</div>
                }
                <div class="gmp-sr-only gmp-announce" role="status" aria-live="polite">
                    { self.run.as_ref().map(board::announcement).unwrap_or_default() }</div>
                if let Some(now) = now {
                    <code class="gmp-now">{ now }</code>
                }
                if stale {
                    <div class="gmp-stale">{ "The program was edited after this run: Run again to see the new one." }</div>
                }
            </div>
        }
    }

    /// One handler for every goroutine token and line link: they carry
    /// `data-g` or `data-line`.
    fn on_pick(&self, ctx: &Context<Self>) -> Callback<MouseEvent> {
        ctx.link().batch_callback(|e: MouseEvent| {
            let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
            if let Some(line) = target.closest("[data-line]").ok()? {
                return line.get_attribute("data-line")?.parse().ok().map(Msg::PickLine);
            }
            let picked = target.closest("[data-g]").ok()??;
            picked.get_attribute("data-g")?.parse().ok().map(Msg::Pick)
        })
    }

    /// The run at the current position.
    fn watch(&self, ctx: &Context<Self>, run: &Run) -> Html {
        let m = &self.moment;
        let on_pick = self.on_pick(ctx);
        let now_ns = self.now_ns();
        html! {
            <div class="gmp-watch" onclick={on_pick}>
                { board::board(run, m, &self.messages, self.picked) }
                if let Some(g) = self.picked {
                    { gpanel::view(run, m, g) }
                }
                { timeline::view("Timeline", &self.timeline, &self.messages, &self.viewport, run, m.pos, now_ns, ctx.link().callback(Msg::Timeline)) }
                { futures::choices_view(run, self.choices.as_ref(), ctx.link().callback(Msg::PickStep), ctx.link().callback(|_| Msg::QuitChoosing)) }
                if let Some(before) = &self.before {
                    { before.view(&self.viewport, ctx.link().callback(Msg::Timeline), ctx.link().callback(|_| Msg::CloseBefore)) }
                }
                { futures::view(run, self.futures.as_ref(), ctx.link().callback(Msg::Follow)) }
                { board::processors(m) }
                { messages::region(&self.messages, m.pos) }
                if let Some(err) = &m.error {
                    <div class="gmp-fold-error">{ format!("The event stream did not fold: {err}") }</div>
                }
                <div class="gmp-columns">
                    <div>
                        { board::goroutines(run, m, self.picked) }
                        { dump::view(run, m, self.picked) }
                        { dump::go_dump(run, m.pos, self.dump_open, ctx.link().batch_callback(|e: Event| {
                            let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
                            Some(Msg::DumpOpen(el.has_attribute("open")))
                        })) }
                    </div>
                    <div>
                        { board::console(run, m) }
                        { board::verdict(run, m) }
                    </div>
                </div>
            </div>
        }
    }
}

/// How often Play ticks (ms) and how many events each tick moves, for a
/// speed in events per second: at most ~30 ticks a second.
fn play_rate(speed: u32) -> (u32, usize) {
    let period = (1000 / speed.max(1)).max(33);
    let per_tick = ((speed as u64 * period as u64) / 1000).max(1) as usize;
    (period, per_tick)
}


/// The page runs the engine in slices on its main thread, so a runaway
/// program never freezes it and Stop ends it at once; still, a run the
/// reader forgot must end: a billion instructions is about ten seconds of
/// wasm, far more than any lesson needs, and the heap gets 256 MiB. A wasm
/// page has 4 GiB at most, and the run keeps its events: 100,000
/// goroutines alive (a million in all), 5 million events (100,000
/// goroutines make 600,000), and 4 MiB of output, which the console shows
/// whole.
fn browser_run_config() -> RunConfig {
    RunConfig {
        instr_limit: 1_000_000_000,
        heap_budget: 256 << 20,
        goroutine_budget: 100_000,
        goroutines_created_budget: 1_000_000,
        output_budget: 4 << 20,
        event_budget: 5_000_000,
        ..RunConfig::default()
    }
}
