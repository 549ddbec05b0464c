from fastapi import FastAPI

app = FastAPI()


@app.get("/invoices/{invoice_id}")
def read_invoice(invoice_id: int) -> dict:
    return {"id": invoice_id}
