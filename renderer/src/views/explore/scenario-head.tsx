/** Props of ScenarioHead. */
export interface ScenarioHeadProps {
  readonly title: string;
  /** The scenario's lesson in one line ('' when it states none). */
  readonly lesson: string;
  /** The goal in words. */
  readonly goal: string;
  /** Whether a reveal stops short of the run's end: the lesson would tell the room what to predict, so it waits. */
  readonly endingHidden: boolean;
}

/** Render the top of the Explore view: the scenario's title, its lesson once the room may hear it, and the goal. */
export function ScenarioHead({ title, lesson, goal, endingHidden }: ScenarioHeadProps) {
  return (
    <div className="scenario-head">
      <h1>
        <span className="sr-only">Explore: </span>
        {title}
      </h1>
      {lesson &&
        (endingHidden ? (
          <p className="lesson lesson-waiting muted" data-testid="lesson-waiting">
            The lesson shows once the reveals reach the end of the run.
          </p>
        ) : (
          <p className="lesson">{lesson}</p>
        ))}
      <p className="goal">
        <strong>Goal:</strong> {goal}
      </p>
    </div>
  );
}
