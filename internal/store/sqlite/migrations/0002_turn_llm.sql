-- What a language model cost and how fast it was, per prospect turn of an
-- LLM call (openline.LLMTurn as JSON); NULL for scripted turns.
ALTER TABLE turns ADD COLUMN llm TEXT;
