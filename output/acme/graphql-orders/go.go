package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "https://api.acme.example/graphql"
	method := "POST"

	payload := strings.NewReader(`{"query":"query Orders($first: Int!, $status: OrderStatus) {\n  orders(first: $first, status: $status) {\n    edges { node { id total { amount currency } } }\n  }\n}\n","variables":{"first":10,"status":"SHIPPED"}}`)

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "application/json")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
